from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data_bucket = self._create_bucket("data")  # remediator: ignore[CDK110]
        self.logs_bucket = self._create_bucket("logs", is_log_bucket=True)

    def _create_bucket(self, name: str, is_log_bucket: bool = False) -> s3.Bucket:
        if not is_log_bucket:
            return s3.Bucket(self, f"{name}Bucket", server_access_logs_bucket=self.logs_bucket)
        return s3.Bucket(self, f"{name}Bucket")
