from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_asset("src")
        lambda_.Function(self, "Legacy", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                         code=code)  # remediator: ignore[CDK405]
