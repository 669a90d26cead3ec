from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    """An L1 bucket cannot take enforce_ssl: it is reported with guidance, not changed."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.CfnBucket(self, "Raw")
