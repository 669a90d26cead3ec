from aws_cdk import (
    Stack,
    aws_cloudtrail as cloudtrail,
    aws_kms as kms,
    aws_s3 as s3,
)
from constructs import Construct


class AuditStack(Stack):
    """Seed 001: the trail's key policy lacks CloudTrail (no iam import yet: it is added)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        trail_key = kms.Key(self, "TrailKey", enable_key_rotation=True)
        trail_bucket = s3.Bucket(self, "TrailBucket")
        cloudtrail.Trail(self, "Trail", bucket=trail_bucket, encryption_key=trail_key)
