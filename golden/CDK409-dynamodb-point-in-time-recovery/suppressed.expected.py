from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
        dynamodb.Table(self, "Cache", partition_key=key)  # remediator: ignore[CDK409]
        dynamodb.Table(self, "Sessions", partition_key=key)  # remediator: ignore[dynamodb-point-in-time-recovery]
