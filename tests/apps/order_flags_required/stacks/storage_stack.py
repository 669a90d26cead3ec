from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    """Encrypted data bucket whose server access logs go to a dedicated logs bucket."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.node.set_context("@aws-cdk/aws-kms:defaultKeyPolicies", True)
        self.key = kms.Key(self, "DataKey", enable_key_rotation=True)

        # Application data
        self.data_bucket = self._create_bucket("data")
        # Server access logs
        self.logs_bucket = self._create_bucket("logs", is_log_bucket=True)

        uploader = iam.Role(self, "Uploader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        self.data_bucket.grant_write(uploader)

    def _create_bucket(self, name: str, is_log_bucket: bool = False) -> s3.Bucket:
        if is_log_bucket:
            return s3.Bucket(
                self,
                "LogsBucket",
                encryption=s3.BucketEncryption.S3_MANAGED,
                enforce_ssl=True,
                block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
                lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(90))],
                removal_policy=RemovalPolicy.RETAIN,
            )
        return s3.Bucket(
            self,
            f"{name.capitalize()}Bucket",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=self.key,
            enforce_ssl=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            server_access_logs_bucket=self.logs_bucket,
            server_access_logs_prefix=f"{name}/",
            removal_policy=RemovalPolicy.RETAIN,
        )
