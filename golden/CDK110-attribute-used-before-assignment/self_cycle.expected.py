from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data_bucket = self._create_bucket("data")
        self.logs_bucket = self._create_bucket("logs")

    def _create_bucket(self, name: str) -> s3.Bucket:
        return s3.Bucket(self, f"{name}Bucket", enforce_ssl=True, server_access_logs_bucket=self.logs_bucket)
