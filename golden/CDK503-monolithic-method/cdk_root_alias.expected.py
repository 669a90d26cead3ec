import aws_cdk as cdk
from constructs import Construct


class Buckets(Construct):
    """Any function counts, in a Construct class too: a lower threshold from the configuration."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        cdk.aws_s3.Bucket(self, "A")
        cdk.aws_s3.Bucket(self, "B")
        cdk.aws_s3.CfnBucket(self, "C")

    def small(self) -> None:
        cdk.aws_s3.Bucket(self, "D")
