from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.CfnBucket(
            self,
            "Plain",
            bucket_name=None,
            public_access_block_configuration=s3.CfnBucket.PublicAccessBlockConfigurationProperty(
                block_public_acls=True,
                block_public_policy=True,
                ignore_public_acls=True,
                restrict_public_buckets=True,
            ),
        )
        s3.CfnBucket(
            self,
            "Partial",
            public_access_block_configuration=s3.CfnBucket.PublicAccessBlockConfigurationProperty(
                block_public_acls=True,
                ignore_public_acls=True,
                block_public_policy=True,
                restrict_public_buckets=True,
            ),
        )
        s3.CfnBucket(
            self,
            "Blocked",
            public_access_block_configuration=s3.CfnBucket.PublicAccessBlockConfigurationProperty(
                block_public_acls=True,
                block_public_policy=True,
                ignore_public_acls=True,
                restrict_public_buckets=True,
            ),
        )
        s3.CfnBucket(
            self,
            "MultiLine",
            versioning_configuration=s3.CfnBucket.VersioningConfigurationProperty(status="Enabled"),
            public_access_block_configuration=s3.CfnBucket.PublicAccessBlockConfigurationProperty(
                block_public_acls=True,
                block_public_policy=True,
                ignore_public_acls=True,
                restrict_public_buckets=True,
            ),
        )
        s3.CfnBucket(
            self,
            "Site",
            website_configuration=s3.CfnBucket.WebsiteConfigurationProperty(index_document="index.html"),
        )
