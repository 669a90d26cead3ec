from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class LookupStack(Stack):
    """The environment name is a context lookup without a default: Tags.add would get None."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_name = self.node.try_get_context("env")
        s3.Bucket(self, "Data")
