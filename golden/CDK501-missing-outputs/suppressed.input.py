from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class QuietStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        scratch = s3.Bucket(self, "Scratch")  # remediator: ignore[CDK501]
        # remediator: ignore[missing-outputs]
        staging = s3.Bucket(self, "Staging")
