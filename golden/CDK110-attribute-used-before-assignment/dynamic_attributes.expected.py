from aws_cdk import Stack
from aws_cdk import aws_sqs as sqs
from constructs import Construct

QUEUE_NAMES = ("orders", "payments")


class QueuesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.orders_dlq_alarm_queue = sqs.Queue(self, "Watch", dead_letter_queue=self._dlq("orders"))
        self._make_queues()
        self.default_dlq = sqs.Queue(self, "DefaultDlq", enforce_ssl=True)

    def _make_queues(self) -> None:
        for name in QUEUE_NAMES:
            setattr(self, f"{name}_queue", sqs.Queue(self, name.capitalize(), enforce_ssl=True))

    def _dlq(self, name: str) -> sqs.DeadLetterQueue:
        return sqs.DeadLetterQueue(max_receive_count=3, queue=getattr(self, "default_dlq"))
