from aws_cdk import Stack
from aws_cdk.aws_apigateway import Cors, CorsOptions, LambdaRestApi
from constructs import Construct


class LambdaApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler) -> None:
        super().__init__(scope, construct_id)
        LambdaRestApi(self, "Api", handler=handler,
                      default_cors_preflight_options=CorsOptions(allow_origins=["https://app.example.com", "https://admin.example.com"]))
