from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        apigw.RestApi(self, "NoRole", cloud_watch_role=False)
