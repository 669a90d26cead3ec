import aws_cdk.aws_kms as kms
from aws_cdk import Stack
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kms.Key(self, "Key", description="orders")
