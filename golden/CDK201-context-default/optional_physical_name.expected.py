from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    """A context value passed as is to a physical-name keyword: None means "let CloudFormation
    name it", which is intended. No finding."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Data", bucket_name=self.node.try_get_context("bucket_name"))
        table_name = self.node.try_get_context("table_name")
        dynamodb.Table(self, "Items", table_name=table_name,
                       partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))
