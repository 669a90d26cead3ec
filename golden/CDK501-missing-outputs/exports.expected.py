from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import CfnOutput
from constructs import Construct


class SharedStack(Stack):
    """With export-names, outputs are exported as <stack name>-<output id>."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        shared = s3.Bucket(self, "Shared")
        CfnOutput(
            self,
            "SharedBucketArn",
            value=shared.bucket_arn,
            export_name=f"{self.stack_name}-SharedBucketArn",
        )
