import aws_cdk.aws_iam as iam
import aws_cdk.aws_logs as logs
import aws_cdk.aws_s3 as s3
from aws_cdk import Stack
from constructs import Construct


class BucketStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        bucket = s3.Bucket(self, "Assets", encryption=s3.BucketEncryption.S3_MANAGED)
        user = iam.User(self, "Uploader")
        bucket.grants.actions_on_object_keys(
            user,
            "*",
            "s3:PutObject",  # uploads only
            "s3:AbortMultipartUpload",
        )
        logs.LogGroup(self, "Logs", retention=logs.RetentionDays.THREE_MONTHS)
        logs.LogGroup(self, "Odd", retention=logs.RetentionDays.FOUR_HUNDRED_DAYS)
