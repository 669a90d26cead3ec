from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class LakeStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Lake", bucket_name="Data_Lake")  # upper case and "_": lower-cased, "-"
        s3.Bucket(self, "Raw", bucket_name=f"{construct_id}-raw")  # the construct id: lower-cased
        s3.Bucket(self, "Logs", bucket_name=f"Logs-{self.account}-{self.region}")  # tokens stay as they are
        s3.Bucket(self, "Per", bucket_name=f"Per-{stage}")  # a parameter of unknown case: reported
        s3.Bucket(self, "Ok", bucket_name=f"ok-{stage}-{self.account}")  # fine
        s3.Bucket(self, "X", bucket_name="ab")  # too short: reported
        key = kms.Key(self, "Key", enable_key_rotation=True)
        s3.Bucket(self, "Keyed", encryption=s3.BucketEncryption.S3_MANAGED, encryption_key=key)
        s3.Bucket(self, "Managed", encryption=s3.BucketEncryption.S3_MANAGED)  # fine
