from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api = apigw.RestApi(self, "Orders", deploy=False)
        api.root.add_method("GET")
        deployment = apigw.Deployment(self, "Deployment", api=api)
        stage = apigw.Stage(self, "Live", deployment=deployment, stage_name="live")
        options = apigw.StageOptions(stage_name="v2", metrics_enabled=True)
        apigw.RestApi(self, "V2", deploy_options=options)
        apigw.RestApi(self, "Built", deploy_options=self.stage_options())

    def stage_options(self) -> apigw.StageOptions:
        return apigw.StageOptions(stage_name="built")
