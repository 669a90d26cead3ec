from aws_cdk import (
    Stack,
    Aws,
    aws_cloudtrail as cloudtrail,
    aws_kms as kms,
    aws_s3 as s3,
    aws_iam as iam,
)
from constructs import Construct


class AuditStack(Stack):
    """Seed 001: the trail's key policy lacks CloudTrail (no iam import yet: it is added)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        trail_key = kms.Key(self, "TrailKey", enable_key_rotation=True)
        trail_key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="AllowCloudTrailToEncryptLogs",
                principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
                actions=["kms:GenerateDataKey*"],
                resources=["*"],
                conditions={
                    "StringLike": {
                        "kms:EncryptionContext:aws:cloudtrail:arn": (
                            f"arn:{Aws.PARTITION}:cloudtrail:*:{Aws.ACCOUNT_ID}:trail/*"
                        )
                    }
                },
            )
        )
        trail_key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="AllowCloudTrailToDescribeKey",
                principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
                actions=["kms:DescribeKey"],
                resources=["*"],
            )
        )
        trail_bucket = s3.Bucket(self, "TrailBucket")
        cloudtrail.Trail(self, "Trail", bucket=trail_bucket, encryption_key=trail_key)
