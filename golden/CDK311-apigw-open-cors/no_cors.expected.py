from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler) -> None:
        super().__init__(scope, construct_id)
        apigw.LambdaRestApi(
            self,
            "Api",
            handler=handler,
            default_cors_preflight_options=apigw.CorsOptions(allow_origins=["https://app.example.com", "https://admin.example.com"]),
        )
        apigw.RestApi(
            self,
            "Rest",
            deploy_options=apigw.StageOptions(stage_name="prod"),
            default_cors_preflight_options=apigw.CorsOptions(allow_origins=["https://app.example.com", "https://admin.example.com"]),
        )
