from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # both rules merge into the same options object, and add one where there is none
        apigw.RestApi(self, "Orders", deploy_options=apigw.StageOptions(stage_name="prod"))
        apigw.LambdaRestApi(self, "Proxy", handler=handler)
