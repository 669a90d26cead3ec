import aws_cdk.aws_apigateway as apigateway
from aws_cdk import Stack
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, options: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        apigateway.RestApi(self, "Api", description="orders")
        apigateway.RestApi(self, "Spread", **options)
