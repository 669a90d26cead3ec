from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api = apigw.RestApi(self, "Orders", deploy_options=apigw.StageOptions(stage_name="prod", tracing_enabled=True))
        deployment = apigw.Deployment(self, "Deployment", api=api)
        apigw.Stage(self, "Canary", deployment=deployment, stage_name="canary")
