from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class PlainStack(Stack):
    """Nothing gives the tags a value: reported, never invented."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Data")
