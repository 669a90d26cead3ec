import aws_cdk as cdk
from aws_cdk import Stack, Tags
from aws_cdk import aws_s3 as s3
from constructs import Construct


class NamingMixin:
    def resource_name(self, base: str) -> str:
        return f"{base}-{self.environment}"


class ApiStack(NamingMixin, Stack):
    """The mixin reads `self.environment` too: renaming only the stack would hand it the Stack's property."""

    def __init__(self, scope: Construct, construct_id: str, environment: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment = environment
        s3.Bucket(self, "Api", bucket_name=self.resource_name("api"), enforce_ssl=True)


class DataStack(Stack):
    environment: str  # a bare annotation defines nothing: the assignment still fails

    def __init__(self, scope: Construct, construct_id: str, environment: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment = environment
        s3.Bucket(self, "Data", bucket_name=f"data-{self.environment}", enforce_ssl=True)


class ConsumerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, data: DataStack, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Copy", bucket_name=f"copy-{data.environment}", enforce_ssl=True)


app = cdk.App()
data_stack = DataStack(app, "Data", environment="prod")
ConsumerStack(app, "Consumer", data=data_stack)
Tags.of(data_stack).add("environment", data_stack.environment)
app.synth()
