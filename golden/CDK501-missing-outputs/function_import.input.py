from aws_cdk import Stack
from constructs import Construct


class ApiStack(Stack):
    """Imports inside the method; an HTTP API and a standalone function."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        from aws_cdk import aws_apigatewayv2 as apigwv2
        from aws_cdk import aws_lambda as _lambda

        reporter = _lambda.Function(
            self,
            "NightlyReport",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_asset("lambda"),
        )
        apigwv2.HttpApi(self, "Http")
