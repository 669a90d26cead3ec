from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Plain", enforce_ssl=True)
        s3.Bucket(self, "Off", enforce_ssl=True)
        s3.Bucket(
            self,
            "MultiLine",
            versioned=True,
            removal_policy=RemovalPolicy.RETAIN,  # keep this comment
            enforce_ssl=True,
        )
        s3.Bucket(
            self,
            "Downloads",
            public_read_access=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
            enforce_ssl=True,
        )
        s3.Bucket(self, "Enforced", enforce_ssl=True)
