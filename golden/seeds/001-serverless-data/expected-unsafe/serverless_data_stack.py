from aws_cdk import (
    RemovalPolicy,
    Stack,
    Aws,
    CfnOutput,
    Fn,
    Tags,
    aws_cloudtrail as cloudtrail,
    aws_cloudwatch as cloudwatch,
    aws_dynamodb as dynamodb,
    aws_ec2 as ec2,
    aws_iam as iam,
    aws_kms as kms,
    aws_lambda as lambda_,
    aws_s3 as s3,
    aws_sns as sns,
    aws_cloudwatch_actions as cloudwatch_actions,
)
from constructs import Construct


class ServerlessDataStack(Stack):
    """A serverless data pipeline: a processing Lambda in a VPC, an S3 data bucket, a DynamoDB
    events table, an encrypted CloudTrail and an error alarm."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Tags.of(self).add("Environment", "production")
        Tags.of(self).add("Owner", "data-platform")
        Tags.of(self).add("Project", "event-pipeline")

        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=1)
        vpc.add_flow_log("FlowLog")
        vpc.add_gateway_endpoint("S3Endpoint", service=ec2.GatewayVpcEndpointAwsService.S3)
        vpc.add_gateway_endpoint("DynamoDbEndpoint", service=ec2.GatewayVpcEndpointAwsService.DYNAMODB)
        CfnOutput(self, "VpcId", value=vpc.vpc_id)
        CfnOutput(
            self,
            "VpcPublicSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in vpc.public_subnets]),
        )
        CfnOutput(
            self,
            "VpcPrivateSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in vpc.private_subnets]),
        )
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
        CfnOutput(self, "TrailKeyArn", value=trail_key.key_arn)
        data_bucket = s3.Bucket(
            self,
            "DataBucket",
            encryption=s3.BucketEncryption.S3_MANAGED,
            removal_policy=RemovalPolicy.RETAIN,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        CfnOutput(self, "DataBucketArn", value=data_bucket.bucket_arn)
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
        CfnOutput(self, "EventsTableArn", value=table.table_arn)
        processor = lambda_.Function(
            self,
            "Processor",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
            memory_size=128,
            vpc=vpc,
            environment={"TABLE_NAME": table.table_name, "BUCKET_NAME": data_bucket.bucket_name},
            tracing=lambda_.Tracing.ACTIVE,
            logging_format=lambda_.LoggingFormat.JSON,
        )
        CfnOutput(self, "ProcessorFunctionArn", value=processor.function_arn)
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
