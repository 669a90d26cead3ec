import aws_cdk.aws_s3 as s3
from aws_cdk import Stack
from constructs import Construct


class ImportsInside(Stack):
    """`import aws_cdk.aws_x as x`, and an import inside the method."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        from aws_cdk import aws_sqs as queues

        s3.Bucket(self, "A")
        queues.Queue(self, "B")
        queues.CfnQueue(self, "C")
