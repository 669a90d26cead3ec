import aws_cdk as cdk
from constructs import Construct


class HttpStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        cdk.aws_apigatewayv2.HttpApi(
            self,
            "Http",
            cors_preflight=cdk.aws_apigatewayv2.CorsPreflightOptions(allow_origins=["*"]),
        )
