from aws_cdk import Stack
from aws_cdk import aws_logs as logs
from constructs import Construct


class LogsStack(Stack):
    """An enum built from a conditional value: each branch's literal is mapped to its member."""

    def __init__(self, scope: Construct, construct_id: str, is_prod: bool, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        logs.LogGroup(
            self, "App", retention=logs.RetentionDays.ONE_MONTH if is_prod else logs.RetentionDays.ONE_WEEK
        )
        # a branch no member means: reported
        logs.LogGroup(self, "Audit", retention=logs.RetentionDays(1000 if is_prod else 7))
