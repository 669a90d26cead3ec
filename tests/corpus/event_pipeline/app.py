import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs, aws_sns as sns, aws_sns_subscriptions as subs
from aws_cdk import aws_lambda as lambda_, aws_lambda_event_sources as sources
from aws_cdk import aws_kms as kms
from constructs import Construct


class OrderEventsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        topic_key = kms.Key(self, "TopicKey", enable_key_rotation=False, pending_window=cdk.Duration.days(7))
        topic = sns.Topic(self, "OrderEvents", master_key=topic_key, display_name="Order events")

        dlq = sqs.Queue(self, "OrdersDlq", retention_period=cdk.Duration.days(14))
        queue = sqs.Queue(
            self,
            "OrdersQueue",
            visibility_timeout=cdk.Duration.seconds(120),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=5, queue=dlq),
        )
        topic.add_subscription(subs.SqsSubscription(queue, raw_message_delivery=True))

        worker = lambda_.Function(
            self,
            "OrderWorker",
            runtime=lambda_.Runtime.PYTHON_3_11,
            handler="worker.handle",
            code=lambda_.Code.from_asset("src"),
            timeout=cdk.Duration.seconds(60),
            reserved_concurrent_executions=50,
        )
        worker.add_event_source(sources.SqsEventSource(queue, batch_size=10))

        audit = lambda_.Function(
            self, "AuditWorker",
            runtime=lambda_.Runtime.PYTHON_3_11,
            handler="audit.handle",
            code=lambda_.Code.from_asset("src"),
            tracing=lambda_.Tracing.ACTIVE,
        )
        topic.add_subscription(subs.LambdaSubscription(audit))


app = cdk.App()
OrderEventsStack(app, "OrderEvents")
app.synth()
