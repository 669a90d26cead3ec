from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class SuppressedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Shared", bucket_name="acme-shared-artifacts")  # remediator: ignore[CDK202]
        s3.Bucket(self, "Other", bucket_name="acme-other")
