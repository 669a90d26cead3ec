from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class L1Stack(Stack):
    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.CfnBucket(self, "Raw", bucket_name=f"acme-raw-{stage}")
        dynamodb.CfnTable(
            self,
            "Sessions",
            table_name=f"sessions-{stage}",
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="id", key_type="HASH")],
            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="id", attribute_type="S")],
            billing_mode="PAY_PER_REQUEST",
        )
        secretsmanager.CfnSecret(self, "Token", name=f"acme/token-{stage}")
        sqs.CfnQueue(self, "Dead", queue_name=f"dead-letters-{stage}")
