from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    """Data bucket with server access logging to a dedicated logs bucket."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Application data
        self.data_bucket = self._create_bucket("data")
        # Server access logs for every other bucket
        self.logs_bucket = self._create_bucket("logs", is_log_bucket=True)

    def _create_bucket(self, name: str, is_log_bucket: bool = False) -> s3.Bucket:
        if is_log_bucket:
            return s3.Bucket(
                self,
                "LogsBucket",
                encryption=s3.BucketEncryption.S3_MANAGED,
                enforce_ssl=True,
                lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(90))],
                removal_policy=RemovalPolicy.RETAIN,
            )
        return s3.Bucket(
            self,
            f"{name.capitalize()}Bucket",
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            server_access_logs_bucket=self.logs_bucket,
            server_access_logs_prefix=f"{name}/",
            removal_policy=RemovalPolicy.RETAIN,
        )
