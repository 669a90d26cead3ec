import aws_cdk as cdk
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StaticSiteStack(cdk.Stack):
    """Seed 002: `self.environment` is a Stack property (CDK106 renames it), never the stage; the
    new environment name reads the same context key."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        environment_suffix = self.node.try_get_context("environment") or "dev"
        self.environment = self.node.try_get_context("environment")
        s3.Bucket(
            self,
            "StaticContent",
            bucket_name=f"static-content-{self.account}-{self.region}-{environment_suffix}",
        )
