from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class UpperStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        environment_suffix = self.node.try_get_context("environmentSuffix") or "Dev"
        s3.Bucket(self, "Exports", bucket_name="acme-exports")
        sqs.Queue(self, "Work", queue_name=f"acme-work-{environment_suffix}")
