import aws_cdk as cdk
from aws_cdk.aws_s3 import Bucket, BucketEncryption, CfnBucket
from constructs import Construct


class Storage(Construct):
    def __init__(self, scope: Construct, id: str, key) -> None:
        super().__init__(scope, id)
        Bucket(self, "Archive", bucket_name="archive", encryption=BucketEncryption.KMS, encryption_key=key)
        CfnBucket(self, "L1", bucket_name=f"{id.lower()}-l1")
        cdk.aws_s3.Bucket(self, "Dotted", bucket_name="team..data")  # ".." cannot be fixed: reported


def build(stack: cdk.Stack) -> None:
    import aws_cdk.aws_s3 as storage

    prefix = "Team"
    storage.Bucket(stack, "Shared", bucket_name=f"{prefix.lower()}-shared")  # a local bound to "Team": lower-cased
    storage.Bucket(stack, "Fine", bucket_name="shared-data")  # remediator: ignore[CDK113]
    storage.Bucket(stack, "Suppressed", bucket_name="SUPPRESSED")  # remediator: ignore[CDK113]
