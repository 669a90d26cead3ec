from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, enable_logging: bool = True, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.reports = s3.Bucket(self, "Reports", enforce_ssl=True, server_access_logs_bucket=self.logs)
        if enable_logging:
            self.logs = s3.Bucket(self, "Logs", enforce_ssl=True)
        else:
            self.logs = None

        self.topic = sns.Topic(self, "Topic", display_name=self.topic_name)
        for suffix in ("a", "b"):
            s3.Bucket(self, f"Extra{suffix}", enforce_ssl=True)
        self.topic_name = "reports"
