from aws_cdk import Stack
from aws_cdk.aws_lambda import Code, Function, Runtime
from aws_cdk.aws_sns import Topic
from aws_cdk.aws_sns_subscriptions import LambdaSubscription
from constructs import Construct


class AlertsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        topic = Topic(self, "Alerts")
        notifier = Function(self, "Notifier", runtime=Runtime.PYTHON_3_12, handler="index.handler",
                            code=Code.from_asset("src"))
        topic.add_subscription(LambdaSubscription(notifier))
