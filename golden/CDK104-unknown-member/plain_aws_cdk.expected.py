import aws_cdk
from constructs import Construct


class PlainStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_logs.LogGroup(self, "Logs", retention=aws_cdk.aws_logs.RetentionDays.SIX_MONTHS)
        bucket = aws_cdk.aws_s3.Bucket(self, "Bucket")
        aws_cdk.CfnOutput(self, "BucketArn", value=bucket.bucket_arn)
