from aws_cdk import Duration, Stack
from aws_cdk import aws_lambda as lambda_, aws_s3 as s3, aws_s3_notifications as s3n, aws_sqs as sqs
from constructs import Construct


class S(Stack):
    def __init__(self, scope: Construct, cid: str) -> None:
        super().__init__(scope, cid)
        bucket = s3.Bucket(self, "B")
        processor_dlq = sqs.Queue(
            self,
            "ProcessorDlq",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(14),
        )
        fn = lambda_.Function(
            self,
            "Processor",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("x"),
            dead_letter_queue=processor_dlq,
        )
        bucket.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(fn))
