import aws_cdk as cdk
import aws_cdk.aws_apigateway as apigateway
from constructs import Construct


class DottedStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        api = apigateway.RestApi(self, "Api")
        api.root.add_resource("items", default_cors_preflight_options=apigateway.CorsOptions(
            allow_origins=["https://app.example.com"], allow_methods=["GET"]))
