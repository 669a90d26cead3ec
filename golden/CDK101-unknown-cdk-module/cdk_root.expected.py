import aws_cdk as cdk
from constructs import Construct


class QueueStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        queue = cdk.aws_sqs.Queue(self, "Jobs", visibility_timeout=cdk.Duration.seconds(60))
        state = cdk.aws_stepfunctions.Pass(self, "Start")
        cdk.aws_stepfunctions.StateMachine(
            self, "Flow", definition_body=cdk.aws_stepfunctions.DefinitionBody.from_chainable(state)
        )
        cdk.CfnOutput(self, "QueueUrl", value=queue.queue_url)
