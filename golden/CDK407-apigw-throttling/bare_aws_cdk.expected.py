import aws_cdk
import constructs


class ApiStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_apigateway.RestApi(
            self,
            "Orders",
            deploy_options=aws_cdk.aws_apigateway.StageOptions(
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
