"""Organisation audit trail with an encrypted bucket and CloudWatch delivery."""
from aws_cdk import App, Stack, RemovalPolicy, Duration
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from constructs import Construct


class AuditStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        trail_key = kms.Key(self, "TrailKey", description="CloudTrail encryption")

        trail_bucket = s3.Bucket(
            self, "TrailBucket",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=trail_key,
            enforce_ssl=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(365))],
            removal_policy=RemovalPolicy.RETAIN,
        )

        trail_logs = logs.LogGroup(self, "TrailLogs", retention=logs.RetentionDays.THREE_MONTHS,
                                   removal_policy=RemovalPolicy.DESTROY)

        trail = cloudtrail.Trail(
            self, "OrgTrail",
            bucket=trail_bucket,
            encryption_key=trail_key,
            send_to_cloud_watch_logs=True,
            cloud_watch_log_group=trail_logs,
            include_global_service_events=True,
            is_multi_region_trail=True,
            enable_file_validation=True,
        )
        trail.log_all_s3_data_events()


app = App()
AuditStack(app, "AuditStack")
app.synth()
