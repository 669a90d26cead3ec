import aws_cdk as cdk
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_lambda_event_sources as sources
from constructs import Construct


class EventsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, bucket) -> None:
        super().__init__(scope, construct_id)
        handler_dlq = cdk.aws_sqs.Queue(
            self,
            "HandlerDlq",
            encryption=cdk.aws_sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=cdk.Duration.days(14),
        )
        handler = lambda_.Function(
            self,
            "Handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("src"),
            dead_letter_queue=handler_dlq,
        )
        handler.add_event_source(sources.S3EventSource(bucket, events=[cdk.aws_s3.EventType.OBJECT_CREATED]))
