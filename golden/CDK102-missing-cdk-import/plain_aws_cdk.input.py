import aws_cdk
from constructs import Construct


class EventsStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        queue = aws_cdk.aws_sqs.Queue(self, "Events")
        rule = events.Rule(self, "Nightly", schedule=events.Schedule.cron(minute="0", hour="3"))
        rule.add_target(targets.SqsQueue(queue))
