from aws_cdk import Stack
from aws_cdk import aws_logs as logs
from constructs import Construct


class LogsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        logs.LogGroup(self, "App", retention=logs.RetentionDays(7))  # remediator: ignore[CDK112]
