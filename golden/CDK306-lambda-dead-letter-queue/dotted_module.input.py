import aws_cdk as cdk
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_lambda_event_sources as sources
from constructs import Construct


class EventsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, bucket) -> None:
        super().__init__(scope, construct_id)
        handler = lambda_.Function(self, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        handler.add_event_source(sources.S3EventSource(bucket, events=[cdk.aws_s3.EventType.OBJECT_CREATED]))
