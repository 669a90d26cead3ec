from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env = self.node.try_get_context("env") or "dev"
        s3.Bucket(self, "Data", bucket_name=f"data-{env}")
        s3.Bucket(self, "Logs", bucket_name=f"logs-{self.node.try_get_context('stage') or 'dev'}")
        s3.Bucket(
            self, "Raw", bucket_name="raw-" + (self.node.try_get_context("environment") or "dev")
        )
        label = (self.node.try_get_context("deploy_env") or "dev").upper()
        s3.Bucket(self, "Label", bucket_name=f"label-{label}")
        s3.Bucket(
            self,
            "Archive",
            bucket_name=self.node.try_get_context(key="env_name"),  # explicit keyword
        )
