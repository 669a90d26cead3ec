from aws_cdk import Stack
from aws_cdk.aws_lambda import IFunction
from aws_cdk.aws_logs import LogGroup, RetentionDays
from aws_cdk.aws_secretsmanager import Secret, SecretValue
from constructs import Construct


class SecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, rotator: IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        LogGroup(self, "Logs", retention=RetentionDays.FOURTEEN_DAYS)
        LogGroup(self, "Yearly", retention=RetentionDays.DAYS_365)
        Secret(self, "Password", secret_string_value=SecretValue.unsafe_plain_text("not-a-real-one"))
        self.busy = rotator.metric_concurrent_executions()
