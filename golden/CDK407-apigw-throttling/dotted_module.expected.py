import aws_cdk.aws_apigateway as gateway
from aws_cdk import Stack
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, options, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        gateway.RestApi(
            self,
            "Api",
            deploy_options=gateway.StageOptions(
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
        gateway.RestApi(self, "Passed", deploy_options=options)  # built by the caller: left alone
