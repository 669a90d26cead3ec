from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class SiteStack(Stack):
    """S3 website endpoints speak HTTP only: enforcing TLS would take the site down, so report."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(
            self,
            "Site",
            website_index_document="index.html",
            public_read_access=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
        )
