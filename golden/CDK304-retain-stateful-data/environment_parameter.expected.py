# The stack's environment arrives as a parameter: the fix keeps DESTROY outside production.
from aws_cdk import RemovalPolicy, Stack, Tags
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Tags.of(self).add("stage", stage)
        dynamodb.TableV2(self, "Items", partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
                         removal_policy=RemovalPolicy.RETAIN if stage == "prod" else RemovalPolicy.DESTROY)
