from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class KeptStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:  # remediator: ignore[CDK503]
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "A")
        s3.Bucket(self, "B")
