from aws_cdk import Stack
from aws_cdk.aws_apigateway import LambdaRestApi, StageOptions
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api_access_logs = "a name the fix would take is used already"
        LambdaRestApi(self, "Proxy", handler=handler, deploy_options=StageOptions(stage_name="live"))
