from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, access: s3.BlockPublicAccess, extra=None,
                 strict: bool = True, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Blocked", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        s3.Bucket(self, "FromParameter", block_public_access=access)
        s3.Bucket(self, "Spread", **(extra or {}))
        s3.Bucket(self, "VariableFlag", block_public_access=s3.BlockPublicAccess(
            block_public_acls=True, block_public_policy=strict, ignore_public_acls=True, restrict_public_buckets=True))
