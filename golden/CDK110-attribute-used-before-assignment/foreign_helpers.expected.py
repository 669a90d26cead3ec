import os
from os.path import join

from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct

from .naming import next_id

ASSETS = os.path.dirname(__file__)


class NumberedStack(Stack):
    """`next_id` (another module of the project) may number what it creates: keep the order."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data = s3.Bucket(self, next_id("Data"), enforce_ssl=True, server_access_logs_bucket=self.logs)
        self.archive = s3.Bucket(self, next_id("Archive"), enforce_ssl=True)
        self.logs = s3.Bucket(self, next_id("Logs"), enforce_ssl=True)


class ClosureStack(Stack):
    """A function defined in `__init__` changes what the assignment reads: keep the order."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        logs_props = {"enforce_ssl": True}

        def harden() -> None:
            logs_props["versioned"] = True

        self.data = s3.Bucket(self, "Data", enforce_ssl=True, server_access_logs_bucket=self.logs)
        harden()
        self.logs = s3.Bucket(self, "Logs", **logs_props)


class LibraryCallsStack(Stack):
    """Standard-library calls (`os.path.join`) keep nothing between calls: the move is safe."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.logs = s3.Bucket(self, "Logs", enforce_ssl=True, bucket_name=join("logs", construct_id.lower()))
        self.data = s3.Bucket(self, "Data", enforce_ssl=True, server_access_logs_bucket=self.logs)
        self.readme = os.path.join(ASSETS, "README.md")
