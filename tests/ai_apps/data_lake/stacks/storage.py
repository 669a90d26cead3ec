from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk.aws_kms import Key
from aws_cdk.aws_s3 import (
    BlockPublicAccess,
    Bucket,
    BucketEncryption,
    LifecycleRule,
    StorageClass,
    Transition,
)
from constructs import Construct


class DataLakeStorageStack(Stack):
    """Raw, curated and query-results zones of the data lake, encrypted with one KMS key."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.key = Key(self, "DataLakeKey", enable_key_rotation=True, alias="alias/data-lake")

        self.raw_bucket = self._zone_bucket("Raw")
        self.curated_bucket = self._zone_bucket("Curated")

        self.results_bucket = Bucket(
            self,
            "AthenaResults",
            bucket_name="athena-query-results-datalake",
            encryption=BucketEncryption.S3_MANAGED,
            block_public_access=BlockPublicAccess.BLOCK_ALL,
            lifecycle_rules=[LifecycleRule(expiration=Duration.days(7))],
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

    def _zone_bucket(self, zone: str) -> Bucket:
        return Bucket(
            self,
            f"{zone}Zone",
            bucket_name=f"datalake-{zone}-{self.account}",
            encryption=BucketEncryption.S3_MANAGED,
            encryption_key=self.key,
            block_public_access=BlockPublicAccess.BLOCK_ALL,
            versioned=True,
            enforce_ssl=True,
            lifecycle_rules=[
                LifecycleRule(
                    transitions=[
                        Transition(storage_class=StorageClass.INFREQUENT_ACCESS, transition_after=Duration.days(30)),
                        Transition(storage_class=StorageClass.GLACIER, transition_after=Duration.days(180)),
                    ]
                )
            ],
            removal_policy=RemovalPolicy.DESTROY,
        )
