from aws_cdk import (
    RemovalPolicy,
    Stack,
    aws_cloudtrail as cloudtrail,
    aws_cloudwatch as cloudwatch,
    aws_dynamodb as dynamodb,
    aws_ec2 as ec2,
    aws_iam as iam,
    aws_kms as kms,
    aws_lambda as lambda_,
    aws_s3 as s3,
    aws_sns as sns,
)
from aws_cdk import aws_cloudwatch_actions as cloudwatch_actions
from aws_cdk import Aws
from constructs import Construct


class ServerlessDataStack(Stack):
    """Seed 001: serverless data pipeline drafted by an assistant (see ../shared/seeds/001_*.txt)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=1)
        vpc.add_flow_log("FlowLog")
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
        data_bucket = s3.Bucket(
            self,
            "DataBucket",
            encryption=s3.BucketEncryption.S3_MANAGED,
            removal_policy=RemovalPolicy.RETAIN,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        table = dynamodb.Table(
            self,
            "Events",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True),
            removal_policy=RemovalPolicy.RETAIN,
        )
        table.metric("ReadThrottleEvents", statistic="Sum").create_alarm(
            self,
            "EventsReadThrottlesAlarm",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        table.metric("WriteThrottleEvents", statistic="Sum").create_alarm(
            self,
            "EventsWriteThrottlesAlarm",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        processor = lambda_.Function(
            self,
            "Processor",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
            memory_size=128,
            reserved_concurrent_executions=10,
            vpc=vpc,
            environment={"TABLE_NAME": table.table_name},
            tracing=lambda_.Tracing.ACTIVE,
            logging_format=lambda_.LoggingFormat.JSON,
        )
        processor.add_to_role_policy(iam.PolicyStatement(actions=["dynamodb:*"], resources=["*"]))
        data_bucket.grants.actions_on_object_keys(processor, "*", "s3:GetObject", "s3:PutObject")
        table.grant_read_write_data(processor)

        trail_bucket = s3.Bucket(
            self, "TrailBucket", block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True
        )
        cloudtrail.Trail(self, "Trail", bucket=trail_bucket, encryption_key=trail_key)

        topic = sns.Topic(self, "Alerts")
        errors = cloudwatch.Alarm(
            self,
            "ProcessorErrors",
            metric=processor.metric_errors(),
            threshold=1,
            evaluation_periods=1,
        )
        errors.add_alarm_action(cloudwatch_actions.SnsAction(topic))
