from aws_cdk import Stack
from aws_cdk.aws_lambda import Code, Function, Runtime
from aws_cdk.aws_sns import Topic
from aws_cdk.aws_sns_subscriptions import LambdaSubscription
from aws_cdk import aws_sqs as sqs
from aws_cdk import Duration
from constructs import Construct


class AlertsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        topic = Topic(self, "Alerts")
        notifier_dlq = sqs.Queue(
            self,
            "NotifierDlq",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(14),
        )
        notifier = Function(self, "Notifier", runtime=Runtime.PYTHON_3_12, handler="index.handler",
                            code=Code.from_asset("src"),
                            dead_letter_queue=notifier_dlq)
        topic.add_subscription(LambdaSubscription(notifier))
