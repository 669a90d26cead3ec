from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class SiteStack(Stack):
    """Buckets that are public on purpose: BLOCK_ALL would fail synth, so they are only reported."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(
            self,
            "Site",
            website_index_document="index.html",
            website_error_document="error.html",
            block_public_access=s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
            public_read_access=True,
        )
        s3.Bucket(self, "Downloads", public_read_access=True,
                  block_public_access=s3.BlockPublicAccess(block_public_policy=False))
        s3.Bucket(self, "Redirect", website_redirect=s3.RedirectTarget(host_name="example.org"))
