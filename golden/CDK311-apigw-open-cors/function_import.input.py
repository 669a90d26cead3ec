from aws_cdk import Stack
from constructs import Construct


class LazyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        from aws_cdk import aws_apigateway as apigw

        apigw.RestApi(self, "Api", default_cors_preflight_options=apigw.CorsOptions(
            allow_origins=apigw.Cors.ALL_ORIGINS))
