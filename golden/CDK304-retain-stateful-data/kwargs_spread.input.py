from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, bucket_props=None, table_props=None,
                 **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # auto_delete_objects may arrive through the spread: report, do not fix
        s3.Bucket(self, "Spread", removal_policy=RemovalPolicy.DESTROY, **(bucket_props or {}))
        # nothing a spread adds can conflict with RETAIN on a table: fixed
        dynamodb.Table(self, "Orders", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
                       removal_policy=RemovalPolicy.DESTROY, **(table_props or {}))
