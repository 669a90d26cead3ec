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


class CodeStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        import aws_cdk.aws_lambda as lambda_

        # static members: the only close name is used; several close names are reported
        lambda_.Function(self, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                         code=lambda_.Code.from_asset("lambda"))
        lambda_.Function(self, "Fn2", runtime=lambda_.Runtime.PYTHON_3, handler="index.handler",
                         code=lambda_.Code.from_asset("lambda"))
