from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    """Buckets for customer uploads, generated reports and public invoice downloads."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.uploads = s3.Bucket(
            self,
            "Uploads",
            versioned=True,
            encryption=s3.BucketEncryption.S3_MANAGED,
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

        self.reports = s3.Bucket(
            self,
            "Reports",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
        )

        # Public on purpose: invoices are linked from e-mails. remediator reports it (it should
        # move behind CloudFront) but does not block its public access, which would break synth.
        self.downloads = s3.Bucket(
            self,
            "Downloads",
            encryption=s3.BucketEncryption.S3_MANAGED,
            public_read_access=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
        )
