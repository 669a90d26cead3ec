from aws_cdk import core
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3


class AuditTrailStack(core.Stack):
    """Organization-style CloudTrail: all regions, KMS-encrypted, delivered to S3 and CloudWatch Logs."""

    def __init__(self, scope: core.Construct, id: str, **kwargs) -> None:
        super().__init__(scope, id, **kwargs)

        trail_key = kms.Key(self, "TrailKey", description="CloudTrail log encryption")
        trail_key.add_to_resource_policy(
            iam.PolicyStatement(
                actions=["kms:GenerateDataKey*", "kms:DescribeKey"],
                principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
                resources=["*"],
            )
        )

        trail_bucket = s3.Bucket(
            self,
            "TrailBucket",
            bucket_name="CompanyAuditTrail-logs",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=trail_key,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            versioned=True,
            removal_policy=core.RemovalPolicy.DESTROY,
        )

        self.log_group = logs.LogGroup(
            self,
            "TrailLogGroup",
            log_group_name="/audit/cloudtrail",
            retention=logs.RetentionDays.THIRTY_DAYS,
        )

        cloudtrail.Trail(
            self,
            "AuditTrail",
            trail_name="company-audit-trail",
            bucket=trail_bucket,
            encryption_key=trail_key,
            send_to_cloud_watch_logs=True,
            cloud_watch_log_group=self.log_group,
            include_global_service_events=True,
            is_multi_region_trail=True,
            enable_file_validation=True,
            management_events=cloudtrail.ReadWriteType.ALL,
        )
