from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct


class SharedStack(Stack):
    """A bucket with its own s3.BucketPolicy: enforce_ssl=True would create a second
    AWS::S3::BucketPolicy for the same bucket, and one would overwrite the other on deployment."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        shared = s3.Bucket(self, "Shared", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        policy = s3.BucketPolicy(self, "SharedPolicy", bucket=shared)
        policy.document.add_statements(
            iam.PolicyStatement(
                actions=["s3:GetObject"],
                principals=[iam.AccountRootPrincipal()],
                resources=[shared.arn_for_objects("*")],
            )
        )

        self.raw = s3.Bucket(self, "Raw", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        s3.CfnBucketPolicy(
            self,
            "RawPolicy",
            bucket=self.raw.bucket_name,
            policy_document={"Version": "2012-10-17", "Statement": []},
        )

        # no policy of its own: fixed
        s3.Bucket(
            self, "Plain", block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True
        )
