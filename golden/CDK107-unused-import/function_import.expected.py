from aws_cdk import Stack
from constructs import Construct


class LazyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        from aws_cdk import aws_s3 as s3

        s3.Bucket(self, "Data")
