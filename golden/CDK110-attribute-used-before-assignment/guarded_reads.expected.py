from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from constructs import Construct


class GuardedStack(Stack):
    """Reads that cannot fail: guarded by hasattr, getattr with a default, or try/except."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = s3.Bucket(self, "Data", enforce_ssl=True)
        if hasattr(self, "handler"):
            self.bucket.grant_read(self.handler)
        logs = getattr(self, "logs", None)
        try:
            self.bucket.grant_write(self.writer)
        except AttributeError:
            pass
        self.handler = self._function("Handler")
        self.writer = self._function("Writer")
        self.logs = s3.Bucket(self, "Logs", enforce_ssl=True)

    def _function(self, name: str) -> lambda_.Function:
        return lambda_.Function(
            self,
            name,
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
        )
