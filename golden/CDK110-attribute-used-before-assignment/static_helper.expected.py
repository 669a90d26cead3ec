from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StaticHelperStack(Stack):
    """A staticmethod's first parameter is what the call passes first, not the stack."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.logs = self._bucket(self, "Logs", True)
        self.data = self._bucket(self, "Data", False)

    @staticmethod
    def _bucket(stack: "StaticHelperStack", name: str, is_log_bucket: bool) -> s3.Bucket:
        if is_log_bucket:
            return s3.Bucket(stack, name, enforce_ssl=True)
        return s3.Bucket(stack, name, enforce_ssl=True, server_access_logs_bucket=stack.logs)
