import aws_cdk
import constructs


class ApiStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_apigateway.RestApi(self, "Orders")
        aws_cdk.aws_s3.Bucket(self, "OrdersAccessLogs")  # the id the fix would take is used already
