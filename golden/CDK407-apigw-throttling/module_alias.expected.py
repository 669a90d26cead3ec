from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        apigw.RestApi(
            self,
            "Orders",
            deploy_options=apigw.StageOptions(
                stage_name="prod",
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
        apigw.LambdaRestApi(
            self,
            "Proxy",
            handler=handler,
            deploy_options=apigw.StageOptions(
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
        apigw.RestApi(self, "Limited", deploy_options=apigw.StageOptions(throttling_rate_limit=10))
        apigw.RestApi(
            self,
            "PerMethod",
            deploy_options=apigw.StageOptions(
                method_options={"/*/*": apigw.MethodDeploymentOptions(throttling_rate_limit=5)},
            ),
        )
        apigw.RestApi(self, "Manual", deploy=False)
