import aws_cdk as cdk
import constructs
from aws_cdk import aws_sqs


class QueueStack(cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_sqs.Queue(self, "Jobs", retention_period=cdk.Duration.days(4))
