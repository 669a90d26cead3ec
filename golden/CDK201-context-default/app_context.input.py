from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    """Keys the app's cdk.json (context) or cdk.context.json sets have a value: no finding."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env = self.node.try_get_context("env")  # cdk.json context
        region = self.node.try_get_context("primaryRegion")  # cdk.json context
        zone = self.node.try_get_context("hosted-zone:account=123456789012:domainName=example.org")  # cdk.context.json
        s3.Bucket(self, "Data", bucket_name=f"data-{env}-{region}-{zone}")
        stage = self.node.try_get_context("stage")  # not set anywhere: still a finding
        s3.Bucket(self, "Logs", bucket_name="logs-" + stage)
