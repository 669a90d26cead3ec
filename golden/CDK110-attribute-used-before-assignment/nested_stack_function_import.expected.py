import aws_cdk as cdk
from constructs import Construct


class QueueStack(cdk.NestedStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        from aws_cdk import aws_sqs as sqs

        self.dlq = sqs.Queue(self, "JobsDlq", enforce_ssl=True)
        self.queue = sqs.Queue(self, "Jobs", dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=self.dlq))
