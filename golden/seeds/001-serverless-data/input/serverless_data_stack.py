from aws_cdk import (
    Duration,
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
from constructs import Construct


class ServerlessDataStack(Stack):
    """A serverless data pipeline: a processing Lambda in a VPC, an S3 data bucket, a DynamoDB
    events table, an encrypted CloudTrail and an error alarm."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=1)
        trail_key = kms.Key(self, "TrailKey")
        data_bucket = s3.Bucket(
            self,
            "DataBucket",
            encryption=s3.BucketEncryption.S3_MANAGED,
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )
        table = dynamodb.Table(
            self,
            "Events",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery=True,
            removal_policy=RemovalPolicy.DESTROY,
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
            environment={"TABLE_NAME": table.table_name, "AWS_REGION": "us-east-1"},
        )
        processor.add_to_role_policy(iam.PolicyStatement(actions=["dynamodb:*"], resources=["*"]))
        data_bucket.grant(processor, "s3:GetObject", "s3:PutObject")
        table.grant_read_write_data(processor)

        trail_bucket = s3.Bucket(self, "TrailBucket")
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
