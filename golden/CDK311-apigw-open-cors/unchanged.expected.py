from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, origins: list) -> None:
        super().__init__(scope, construct_id)
        apigw.RestApi(self, "Api", default_cors_preflight_options=apigw.CorsOptions(
            allow_origins=["https://app.example.com"]))
        apigw.RestApi(self, "Dynamic", default_cors_preflight_options=apigw.CorsOptions(allow_origins=origins))
