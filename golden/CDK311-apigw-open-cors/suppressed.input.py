from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class PublicApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        apigw.RestApi(
            self,
            "PublicApi",
            default_cors_preflight_options=apigw.CorsOptions(
                allow_origins=apigw.Cors.ALL_ORIGINS,  # remediator: ignore[CDK311] (a public API)
            ),
        )
