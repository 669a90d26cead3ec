from aws_cdk import Stack
from aws_cdk.aws_apigateway import LambdaRestApi
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        LambdaRestApi(
            self,
            "Proxy",
            handler=handler,
            deploy_options=apigw.StageOptions(
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
