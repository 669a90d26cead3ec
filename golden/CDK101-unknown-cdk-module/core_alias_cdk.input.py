from aws_cdk import core as cdk
from aws_cdk import aws_sqs as sqs


class QueueStack(cdk.Stack):
    def __init__(self, scope: cdk.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        sqs.Queue(self, "Jobs", visibility_timeout=cdk.Duration.seconds(60))
