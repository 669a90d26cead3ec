import aws_cdk as cdk
from aws_cdk import core, aws_sqs as sqs


class QueueStack(cdk.Stack):
    def __init__(self, scope: core.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        sqs.Queue(self, "Jobs", retention_period=core.Duration.days(4))
