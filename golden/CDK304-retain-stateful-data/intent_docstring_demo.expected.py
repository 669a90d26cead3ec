"""Ephemeral integration-test stack: deployed by CI for each pull request, destroyed afterwards."""
import aws_cdk as cdk
from aws_cdk import aws_logs as logs, aws_s3 as s3
from constructs import Construct


class PullRequestPreviewStack(cdk.Stack):
    """Demo stack for the workshop; run `cdk destroy` when you are done."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # test data only: emptied and deleted with the stack
        s3.Bucket(self, "Uploads", removal_policy=cdk.RemovalPolicy.DESTROY, auto_delete_objects=True,
                  block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)
        logs.LogGroup(self, "Runs", retention=logs.RetentionDays.ONE_DAY,
                      removal_policy=cdk.RemovalPolicy.DESTROY)
