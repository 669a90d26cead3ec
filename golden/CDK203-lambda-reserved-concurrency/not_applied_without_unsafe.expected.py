from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ProcessorStack(Stack):
    """Seed 001: reserved concurrency fails the deploy on accounts with little unreserved concurrency."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Processor",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
            memory_size=128,
            reserved_concurrent_executions=10,  # keep the downstream API safe
            timeout=None,
        )
        lambda_.Function(self, "Last", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                         code=lambda_.Code.from_inline("x = 1"), reserved_concurrent_executions=5)
