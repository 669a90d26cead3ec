from aws_cdk import Stack
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_kms as kms
from constructs import Construct


class L1Stack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = kms.Key(self, "Key", enable_key_rotation=True)
        cloudtrail.CfnTrail(self, "Trail", is_logging=True, s3_bucket_name="logs", kms_key_id=key.key_arn)
        raw = kms.CfnKey(self, "Raw", key_policy={"Version": "2012-10-17", "Statement": []})
        cloudtrail.CfnTrail(self, "RawTrail", is_logging=True, s3_bucket_name="logs", kms_key_id=raw.attr_arn)
