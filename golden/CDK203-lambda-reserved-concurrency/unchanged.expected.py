from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class UnchangedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, limit: int, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_inline("x = 1")
        # switched off on purpose: zero reserves nothing from the account's pool
        lambda_.Function(self, "Paused", runtime=lambda_.Runtime.PYTHON_3_12, handler="i.h", code=code,
                         reserved_concurrent_executions=0)
        lambda_.Function(self, "Plain", runtime=lambda_.Runtime.PYTHON_3_12, handler="i.h", code=code)
        lambda_.Function(self, "Configured", runtime=lambda_.Runtime.PYTHON_3_12, handler="i.h", code=code,
                         reserved_concurrent_executions=limit)
        alias = lambda_.Alias(self, "Live", alias_name="live", version=None, provisioned_concurrent_executions=5)
        print(alias)
