from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class EncryptedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.logs = s3.Bucket(self, "Logs", enforce_ssl=True)
        self.data = s3.Bucket(self, "Data", encryption_key=self.key, server_access_logs_bucket=self.logs)
        key = kms.Key(self, "Key", enable_key_rotation=True)
        self.key = key
