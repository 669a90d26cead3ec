from aws_cdk import Stack, Tags
from aws_cdk import aws_s3 as s3
from constructs import Construct


class OrdersStack(Stack):
    """Values from the configuration; Environment from the stack's environment name."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Data")
        env_name = self.node.try_get_context("env") or "dev"
        Tags.of(self).add("Environment", env_name)
        Tags.of(self).add("Owner", "platform-team")
        Tags.of(self).add("Project", "orders")
        Tags.of(self).add("CostCenter", "4711")
        s3.Bucket(self, "Logs", bucket_name=f"orders-logs-{env_name}")
