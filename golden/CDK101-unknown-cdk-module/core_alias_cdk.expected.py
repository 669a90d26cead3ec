import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class QueueStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        sqs.Queue(self, "Jobs", visibility_timeout=cdk.Duration.seconds(60))
