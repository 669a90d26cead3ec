from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ApiPlatformStack(Stack):
    """Seed 004: the suffix context has no default; CDK201 gives it one, then CDK202 uses it."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_name = self.node.try_get_context("environmentSuffix")
        s3.Bucket(self, "Uploads", bucket_name="api-platform-uploads")
