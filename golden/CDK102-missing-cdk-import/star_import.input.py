from aws_cdk import Stack
from aws_cdk.aws_cloudwatch_actions import *
from constructs import Construct


class AlarmStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # a star import may bind anything: leave the file alone
        self.action = cw_actions.SnsAction
