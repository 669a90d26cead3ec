from aws_cdk import Stack
from aws_cdk.aws_lambda import IFunction
from aws_cdk.aws_logs import LogGroup, RetentionDays
from aws_cdk.aws_secretsmanager import Secret
from aws_cdk import SecretValue
from constructs import Construct


class SecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, rotator: IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        LogGroup(self, "Logs", retention=RetentionDays.TWO_WEEKS)
        LogGroup(self, "Yearly", retention=RetentionDays.ONE_YEAR)
        Secret(self, "Password", secret_string_value=SecretValue.unsafe_plain_text("not-a-real-one"))
        self.busy = rotator.metric("ConcurrentExecutions", statistic="Maximum")
