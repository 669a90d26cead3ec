from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


class BaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment_name = environment


class TableStack(BaseStack):
    def __init__(self, scope: Construct, construct_id: str, environment: str, **kwargs) -> None:
        super().__init__(scope, construct_id, environment, **kwargs)
        dynamodb.Table(
            self,
            "Items",
            table_name=f"items-{self.environment_name}",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
        )


def build(app):
    from aws_cdk import Stack as LocalStack

    class InlineStack(LocalStack):
        def __init__(self, scope: Construct, construct_id: str) -> None:
            super().__init__(scope, construct_id)
            self.stack_name_value = "inline"

    return InlineStack(app, "Inline")
