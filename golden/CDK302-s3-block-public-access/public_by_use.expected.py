from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DownloadsStack(Stack):
    """Buckets made public after construction: BLOCK_ALL would fail synth (grant_public_access) or the
    deployment (a bucket policy for everyone), so they are only reported."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        downloads = s3.Bucket(self, "Downloads")
        downloads.grant_public_access("public/*", "s3:GetObject")

        self.assets = s3.Bucket(
            self,
            "Assets",
            block_public_access=s3.BlockPublicAccess(block_public_policy=False),
        )
        self.assets.add_to_resource_policy(
            iam.PolicyStatement(
                actions=["s3:GetObject"],
                principals=[iam.AnyPrincipal()],
                resources=[self.assets.arn_for_objects("*")],
            )
        )

        # private: the policy grants the account, not everyone
        private = s3.Bucket(self, "Private", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        private.add_to_resource_policy(
            iam.PolicyStatement(
                actions=["s3:GetObject"],
                principals=[iam.AccountRootPrincipal()],
                resources=[private.arn_for_objects("*")],
            )
        )

    def helper(self) -> None:
        # a different `downloads` in another scope: the bucket above is not affected by it
        downloads = s3.Bucket(self, "Other", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        downloads.grant_read(iam.AccountRootPrincipal())
