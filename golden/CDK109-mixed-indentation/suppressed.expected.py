from aws_cdk import Stack, aws_s3 as s3
from constructs import Construct


class OddStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
      super().__init__(scope, construct_id)  # remediator: ignore[CDK109]
      s3.Bucket(self, "Data")
