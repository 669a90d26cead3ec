from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class NamedStack(Stack):
    """A computed id in __init__ (runs once per stack) takes its output id from the variable;
    in a helper that may run several times it is left alone."""

    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.reports_bucket = s3.Bucket(self, f"Reports-{stage}")
        self._make(stage)

    def _make(self, stage: str) -> None:
        s3.Bucket(self, f"Extra-{stage}")
