from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataLakeStorageStack(Stack):
    """Raw and curated zones, each with its own key."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.lake_key = kms.Key(self, "LakeKey", alias="alias/data-lake", description="Data lake encryption key")

        self.raw_bucket = s3.Bucket(
            self,
            "RawZone",
            bucket_name="acme-data-lake-raw",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=self.lake_key,
            versioned=True,
            lifecycle_rules=[
                s3.LifecycleRule(
                    id="ToGlacier",
                    transitions=[
                        s3.Transition(storage_class=s3.StorageClass.GLACIER, transition_after=Duration.days(90))
                    ],
                )
            ],
            removal_policy=RemovalPolicy.DESTROY,
        )

        self.curated_bucket = s3.Bucket(
            self, "CuratedZone",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=self.lake_key,
            block_public_access=s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
        )
