from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Plain")
        s3.Bucket(self, "AclsOnly", block_public_access=s3.BlockPublicAccess.BLOCK_ACLS_ONLY)
        s3.Bucket(
            self,
            "Partial",
            versioned=True,
            block_public_access=s3.BlockPublicAccess(
                block_public_acls=True,
                block_public_policy=False,  # someone turned this off
                ignore_public_acls=True,
                restrict_public_buckets=True,
            ),
        )
        s3.Bucket(
            self,
            "MultiLine",
            versioned=True,
            removal_policy=RemovalPolicy.RETAIN,  # keep this comment
        )
        s3.Bucket(self, "Missing", block_public_access=s3.BlockPublicAccess(block_public_acls=True))
        s3.Bucket(self, "Blocked", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        s3.Bucket(
            self,
            "AllFlags",
            block_public_access=s3.BlockPublicAccess(
                block_public_acls=True,
                block_public_policy=True,
                ignore_public_acls=True,
                restrict_public_buckets=True,
            ),
        )
