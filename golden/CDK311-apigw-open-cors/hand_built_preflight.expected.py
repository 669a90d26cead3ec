from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        api = apigw.RestApi(self, "Api")
        api.root.add_method("OPTIONS", apigw.MockIntegration())
