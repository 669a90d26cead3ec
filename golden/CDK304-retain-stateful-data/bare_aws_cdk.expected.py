import aws_cdk
import constructs


class DataStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_logs.LogGroup(self, "Logs", removal_policy=aws_cdk.RemovalPolicy.RETAIN)
        raw = aws_cdk.aws_s3.CfnBucket(self, "Raw")
        raw.apply_removal_policy(aws_cdk.RemovalPolicy.RETAIN)
