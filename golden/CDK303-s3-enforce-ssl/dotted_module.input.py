import aws_cdk.aws_s3 as s3
from aws_cdk import Stack
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Data", versioned=True,)
