import aws_cdk as cdk
from aws_cdk import Stack, aws_sqs as sqs
from constructs import Construct


class QueueStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        sqs.Queue(self, "Jobs")
