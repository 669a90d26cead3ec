from aws_cdk import Stack, Tags
from aws_cdk import aws_s3 as s3
from constructs import Construct


class HalfTaggedStack(Stack):
    """Environment is tagged already: only the configured keys that are missing are added."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Tags.of(self).add("Environment", "prod")
        s3.Bucket(self, "Data")
