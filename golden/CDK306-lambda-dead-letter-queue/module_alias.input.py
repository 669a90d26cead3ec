from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_notifications as s3n
from constructs import Construct


class IngestStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        uploads = s3.Bucket(self, "Uploads")
        processor = lambda_.Function(self, "Processor", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        uploads.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(processor))
