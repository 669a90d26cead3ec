from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ScratchStack(Stack):
    """`del self.x` is not an assignment: it must never be the statement moved up."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data = s3.Bucket(self, "Data", enforce_ssl=True, server_access_logs_bucket=self.logs)
        del self.logs
        self.logs = s3.Bucket(self, "Logs", enforce_ssl=True)
