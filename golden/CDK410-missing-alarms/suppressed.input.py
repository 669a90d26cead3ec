from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_asset("src")
        canary = lambda_.Function(  # remediator: ignore[CDK410]
            self, "Canary", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code
        )
        probe = lambda_.Function(self, "Probe", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                                 code=code)  # remediator: ignore[missing-alarms]
