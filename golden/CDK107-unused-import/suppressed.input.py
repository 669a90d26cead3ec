from aws_cdk import Stack
from aws_cdk import aws_events as events  # remediator: ignore[CDK107]
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_s3 as s3
from constructs import Construct


class EventsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        s3.Bucket(self, "Data")
