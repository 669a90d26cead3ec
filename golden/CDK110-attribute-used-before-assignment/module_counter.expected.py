import itertools

from aws_cdk import Duration, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from constructs import Construct

# construct ids are numbered in creation order: reordering the helpers renames (replaces) them
_ids = itertools.count(1)
_queue_count = 0


def _next_id(prefix: str) -> str:
    return f"{prefix}{next(_ids)}"


def _queue_id() -> str:
    global _queue_count
    _queue_count += 1
    return f"Queue{_queue_count}"


class WorkerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.api_handler = self._function("api", environment={"DLQ": self.dlq.queue_url})
        self.worker = self._function("worker")
        self.dlq = sqs.Queue(self, _next_id("Dlq"), retention_period=Duration.days(14))

    def _function(self, name: str, environment: dict | None = None) -> lambda_.Function:
        return lambda_.Function(
            self,
            _next_id("Function"),
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return None\n"),
            environment=environment,
        )


class QueueStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.orders = self._queue(dead_letter=self.dead_letters)
        self.events = self._queue()
        self.dead_letters = self._queue()

    def _queue(self, dead_letter: sqs.IQueue | None = None) -> sqs.Queue:
        dlq = sqs.DeadLetterQueue(max_receive_count=3, queue=dead_letter) if dead_letter else None
        return sqs.Queue(self, _queue_id(), dead_letter_queue=dlq)
