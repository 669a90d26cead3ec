"""Low-level (Cfn*) resources, as ported from a CloudFormation template."""
from aws_cdk import App, Stack, CfnOutput
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_kms as kms
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class LegacyPortStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.CfnKey(
            self, "LegacyKey",
            key_policy={
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{self.account}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                }],
            },
        )
        signing_key = kms.CfnKey(self, "SigningKey", key_spec="RSA_2048", key_usage="SIGN_VERIFY",
                                 key_policy={"Version": "2012-10-17", "Statement": []})

        bucket = s3.CfnBucket(
            self, "LegacyBucket",
            bucket_encryption=s3.CfnBucket.BucketEncryptionProperty(
                server_side_encryption_configuration=[
                    s3.CfnBucket.ServerSideEncryptionRuleProperty(
                        server_side_encryption_by_default=s3.CfnBucket.ServerSideEncryptionByDefaultProperty(
                            sse_algorithm="aws:kms", kms_master_key_id=key.attr_arn))
                ]
            ),
        )

        dynamodb.CfnTable(
            self, "LegacyTable",
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="id", key_type="HASH")],
            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="id",
                                                                                 attribute_type="S")],
            billing_mode="PAY_PER_REQUEST",
        )
        sqs.CfnQueue(self, "LegacyQueue", message_retention_period=1209600)

        CfnOutput(self, "BucketName", value=bucket.ref)
        CfnOutput(self, "SigningKeyArn", value=signing_key.attr_arn)


app = App()
LegacyPortStack(app, "LegacyPort")
app.synth()
