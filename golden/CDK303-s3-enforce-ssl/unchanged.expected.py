from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, strict: bool = True, extra=None, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Enforced", enforce_ssl=True)
        s3.Bucket(self, "FromFlag", enforce_ssl=strict)
        s3.Bucket(self, "Spread", **(extra or {}))
        s3.Bucket.from_bucket_name(self, "Imported", "shared-artifacts")
