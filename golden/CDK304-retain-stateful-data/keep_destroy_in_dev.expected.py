from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        stage = self.node.try_get_context("stage") or "dev"
        s3.Bucket(
            self,
            "Uploads",
            removal_policy=RemovalPolicy.RETAIN if stage == "production" else RemovalPolicy.DESTROY,
            auto_delete_objects=stage != "production",
        )
        table = dynamodb.CfnTable(
            self,
            "Raw",
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="pk", key_type="HASH")],
            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="pk",
                                                                                 attribute_type="S")],
            billing_mode="PAY_PER_REQUEST",
        )
        table.apply_removal_policy(
            RemovalPolicy.RETAIN if stage == "production" else RemovalPolicy.DESTROY
        )
        self._helpers()

    def _helpers(self) -> None:
        # no environment name in this function, and keep-destroy-in-dev is on: reported, not changed
        s3.Bucket(self, "Scratch", removal_policy=RemovalPolicy.DESTROY, auto_delete_objects=True)
