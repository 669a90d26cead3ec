from aws_cdk.core import App, Construct as BaseConstruct, Duration, Stack
from aws_cdk.aws_sqs import Queue


class QueueStack(Stack):
    def __init__(self, scope: BaseConstruct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Queue(self, "Jobs", visibility_timeout=Duration.seconds(30))


app = App()
QueueStack(app, "Queues")
app.synth()
