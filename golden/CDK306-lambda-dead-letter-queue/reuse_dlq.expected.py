from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class ReuseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        failed_events_dlq = sqs.Queue(self, "FailedEvents", enforce_ssl=True,
                                      encryption=sqs.QueueEncryption.SQS_MANAGED)
        jobs = sqs.Queue(self, "Jobs", enforce_ssl=True)
        fifo_dlq = sqs.Queue(self, "FifoDlq", fifo=True, enforce_ssl=True)
        handler = lambda_.Function(
            self,
            "Handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("src"),
            dead_letter_queue=failed_events_dlq,
        )
        handler.add_permission("FromS3", principal=iam.ServicePrincipal("s3.amazonaws.com"))
