import aws_cdk
from constructs import Construct


class QueueStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_sqs.Queue(self, "Jobs", visibility_timeout_seconds=aws_cdk.Duration.seconds(60))
        aws_cdk.aws_sqs.Queue(self, "Dlq", retention=aws_cdk.Duration.days(14))
