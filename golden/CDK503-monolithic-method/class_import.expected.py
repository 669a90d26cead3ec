from aws_cdk import Stack
from aws_cdk.aws_s3 import Bucket
from aws_cdk.aws_sqs import Queue
from constructs import Construct


class SplitStack(Stack):
    """Each method builds a few constructs: no finding with max-constructs = 3."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self._storage()
        self._messaging()

    def _storage(self) -> None:
        Bucket(self, "A")
        Bucket(self, "B")
        Bucket(self, "C")

    def _messaging(self) -> None:
        Queue(self, "Q1")
        Queue(self, "Q2")
