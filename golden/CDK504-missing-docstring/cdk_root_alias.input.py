import aws_cdk as cdk
from constructs import Construct


class Inner(cdk.NestedStack):
    def _create_queue(self) -> None:
        """Documented: no finding."""
        cdk.aws_sqs.Queue(self, "Queue")

    def add_queue(self, name: str) -> None:
        cdk.aws_sqs.Queue(self, name)


class NotAStack(Construct):
    def add_queue(self, name: str) -> None:
        cdk.aws_sqs.Queue(self, name)
