from aws_cdk import Stack
from aws_cdk.aws_dynamodb import Attribute, AttributeType, Table
from aws_cdk.aws_lambda import Code, Function, Runtime
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Function(self, "Handler", runtime=Runtime.PYTHON_3_12, handler="index.handler", code=Code.from_asset("src"))
        Table(self, "Orders", partition_key=Attribute(name="id", type=AttributeType.STRING))
