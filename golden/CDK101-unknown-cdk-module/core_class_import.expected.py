from aws_cdk import App, Duration, Stack
from aws_cdk.aws_sqs import Queue
from constructs import Construct as BaseConstruct


class QueueStack(Stack):
    def __init__(self, scope: BaseConstruct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Queue(self, "Jobs", visibility_timeout=Duration.seconds(30))


app = App()
QueueStack(app, "Queues")
app.synth()
