from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_notifications as s3n
from aws_cdk import aws_sqs as sqs
from aws_cdk import Duration
from constructs import Construct


class IngestStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        uploads = s3.Bucket(self, "Uploads")
        processor_dlq = sqs.Queue(
            self,
            "ProcessorDlq",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(14),
        )
        processor = lambda_.Function(
            self,
            "Processor",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("src"),
            dead_letter_queue=processor_dlq,
        )
        uploads.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(processor))
