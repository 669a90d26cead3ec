from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment = environment
        self.region_label = f"{self.region}-data"  # reads the real Stack.region: unchanged
        self.bucket = s3.Bucket(self, "Data", bucket_name=f"data-{self.environment}")
        self._outputs()

    def _outputs(self) -> None:
        if self.environment == "prod":
            s3.Bucket(self, "Archive")


class Settings:
    """Not a stack: its own attributes are free."""

    def __init__(self, environment: str) -> None:
        self.environment = environment
