import aws_cdk as cdk
from constructs import Construct


class AppStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.table = cdk.aws_dynamodb.Table(
            self, "Events", partition_key=cdk.aws_dynamodb.Attribute(name="id", type=cdk.aws_dynamodb.AttributeType.STRING)
        )
        self.handler = cdk.aws_lambda_nodejs.NodejsFunction(self, "Handler", entry="src/handler.ts")
        self._alarms()

    def _alarms(self) -> None:
        self.handler.metric_errors().create_alarm(self, "HandlerErrors", threshold=1, evaluation_periods=1)
