from aws_cdk import Stack
from aws_cdk.aws_dynamodb import Attribute, AttributeType, Table
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Table(self, "Orders", partition_key=Attribute(name="id", type=AttributeType.STRING))
