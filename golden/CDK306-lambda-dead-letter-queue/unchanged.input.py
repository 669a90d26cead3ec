from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_destinations as destinations
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_notifications as s3n
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class HandledStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, dlq: sqs.IQueue, **options) -> None:
        super().__init__(scope, construct_id)
        bucket = s3.Bucket(self, "Uploads")
        with_dlq = lambda_.Function(self, "WithDlq", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"), dead_letter_queue=dlq)
        enabled = lambda_.Function(self, "Enabled", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"), dead_letter_queue_enabled=True)
        on_failure = lambda_.Function(self, "OnFailure", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"), on_failure=destinations.SqsDestination(dlq))
        configured = lambda_.Function(self, "Configured", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        configured.configure_async_invoke(on_failure=destinations.SqsDestination(dlq))
        spread = lambda_.Function(self, "Spread", **options)
        for fn in (with_dlq, enabled, on_failure, configured, spread):
            bucket.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(fn))
