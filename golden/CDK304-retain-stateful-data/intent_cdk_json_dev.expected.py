# The app's cdk.json names a dev environment: reported, not changed.
from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ScratchStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Scratch", removal_policy=RemovalPolicy.DESTROY, auto_delete_objects=True,
                  block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)
