from aws_cdk import RemovalPolicy
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class SecureBucket(Construct):
    """A bucket with its own key; what the team calls 'secure by default'."""

    def __init__(self, scope: Construct, construct_id: str, *, versioned: bool = True) -> None:
        super().__init__(scope, construct_id)
        self.key = kms.Key(self, "Key", description=f"{construct_id} bucket key")
        self.bucket = s3.Bucket(
            self,
            "Bucket",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=self.key,
            versioned=versioned,
            removal_policy=RemovalPolicy.RETAIN,
        )

    def grant_read(self, grantee):
        return self.bucket.grant_read(grantee)
