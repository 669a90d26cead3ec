from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env = self.node.try_get_context("env") or "dev"
        stage = self.node.try_get_context("stage")
        if stage is None:
            stage = "dev"
        region_name = self.node.try_get_context("environment")
        if not region_name:
            raise ValueError("pass -c environment=...")
        is_prod = self.node.try_get_context("env") == "prod"
        suffix = "prod" if self.node.try_get_context("env") else "dev"
        name = (self.node.try_get_context("env_name")
                if self.node.try_get_context("env_name") is not None else "dev")
        s3.Bucket(self, "Data", bucket_name=f"data-{env}-{stage}-{region_name}-{suffix}-{name}")
        if is_prod:
            s3.Bucket(self, "Backup")
        s3.Bucket(self, "Logs", bucket_name=f"logs-{self.node.try_get_context('env')}")  # remediator: ignore[CDK201]
        if self.node.try_get_context("stage"):
            s3.Bucket(self, "Extra")
        if (deploy_env := self.node.try_get_context("deploy_env")) is not None:
            s3.Bucket(self, "Deploy", bucket_name=f"deploy-{deploy_env}")


class Reported(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        config = self.node.try_get_context("config")["buckets"]  # a mapping: reported
        vpc_id = self.node.try_get_context("vpc_id")  # no known default: reported
        s3.Bucket(self, "Data", bucket_name=f"data-{config}-{vpc_id}")
