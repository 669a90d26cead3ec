from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from constructs import Construct


class OrderedStack(Stack):
    """Everything is assigned before it is read: nothing to do."""

    archive_bucket = None  # class-level default: reading it early is not an error

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.logs_bucket = s3.Bucket(self, "Logs", enforce_ssl=True)
        self.data_bucket = s3.Bucket(self, "Data", enforce_ssl=True, server_access_logs_bucket=self.logs_bucket)
        self.copy = s3.Bucket(self, "Copy", enforce_ssl=True, server_access_logs_bucket=self.archive_bucket)
        self.on_event = lambda: self.handler.function_arn  # runs later, after handler exists
        self.handler = lambda_.Function(
            self,
            "Handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
        )
        self.archive_bucket = s3.Bucket(self, "Archive", enforce_ssl=True)

    def add_consumer(self, fn: lambda_.IFunction) -> None:
        self.data_bucket.grant_read(fn)
        self.extra.grant_read(fn)  # only called from outside, after construction


class NotAConstruct:
    def __init__(self) -> None:
        self.first = self.second
        self.second = 1


class RegionalStack(Stack):
    """`self.region` is the Stack's own property: reading it early is fine (the later assignment
    is CDK106's business, not a read before assignment)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = s3.Bucket(self, "Regional", bucket_name=f"data-{self.region}")
        self.region = "eu-west-1"
