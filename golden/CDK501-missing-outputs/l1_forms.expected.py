from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import CfnOutput
from constructs import Construct


class L1Stack(Stack):
    """L1 resources: their id is `ref`, their ARN `attr_arn`."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.CfnVPC(self, "CoreVpc", cidr_block="10.0.0.0/16")
        CfnOutput(self, "CoreVpcId", value=vpc.ref)
        app_subnet = ec2.CfnSubnet(self, "AppSubnet", vpc_id=vpc.ref, cidr_block="10.0.0.0/24")
        CfnOutput(self, "AppSubnetId", value=app_subnet.ref)
        raw_bucket = s3.CfnBucket(self, "Raw")
        CfnOutput(self, "RawBucketArn", value=raw_bucket.attr_arn)
        events_table = dynamodb.CfnTable(
            self,
            "Events",
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="pk", key_type="HASH")],
            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="pk", attribute_type="S")],
            billing_mode="PAY_PER_REQUEST",
        )
        CfnOutput(self, "EventsTableArn", value=events_table.attr_arn)
        signing_key = kms.CfnKey(self, "SigningKey", enable_key_rotation=True)
        CfnOutput(self, "SigningKeyArn", value=signing_key.attr_arn)
        ping_function = lambda_.CfnFunction(
            self,
            "Ping",
            role="arn:aws:iam::123456789012:role/ping",
            code=lambda_.CfnFunction.CodeProperty(zip_file="def handler(event, context):\n    return 1\n"),
            handler="index.handler",
            runtime="python3.12",
        )
        CfnOutput(self, "PingFunctionArn", value=ping_function.attr_arn)
