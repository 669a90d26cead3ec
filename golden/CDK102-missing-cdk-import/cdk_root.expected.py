from aws_cdk import Stack
from aws_cdk import aws_sqs as sqs
import aws_cdk as cdk
from constructs import Construct


class QueueStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        queue = sqs.Queue(self, "Jobs", visibility_timeout=cdk.Duration.seconds(60))
        cdk.CfnOutput(self, "QueueUrl", value=queue.queue_url)
