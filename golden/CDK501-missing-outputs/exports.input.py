from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class SharedStack(Stack):
    """With export-names, outputs are exported as <stack name>-<output id>."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        shared = s3.Bucket(self, "Shared")
