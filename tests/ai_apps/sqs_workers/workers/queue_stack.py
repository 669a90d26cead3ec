from aws_cdk import core
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_event_sources as event_sources
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subs
from aws_cdk import aws_sqs as sqs

WORKER_CODE = """
import json

def handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            job = json.loads(record["body"])
            print("processing", job)
        except Exception:
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
"""


class WorkQueueStack(core.Stack):
    """SNS topic fanning out jobs to an SQS work queue consumed by a Lambda worker."""

    def __init__(self, scope: core.Construct, id: str, **kwargs) -> None:
        super().__init__(scope, id, **kwargs)

        self.dlq = sqs.Queue(
            self,
            "JobsDlq",
            queue_name="jobs-dlq",
            retention_period=core.Duration.days(14),
        )

        self.queue = sqs.Queue(
            self,
            "JobsQueue",
            queue_name="jobs-queue",
            visibility_timeout=core.Duration.minutes(6),
            encryption=sqs.QueueEncryption.KMS_MANAGED,
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=5, queue=self.dlq),
        )

        self.topic = sns.Topic(self, "JobsTopic", topic_name="jobs-topic")
        self.topic.add_subscription(subs.SqsSubscription(self.queue, raw_message_delivery=True))

        worker = lambda_.Function(
            self,
            "Worker",
            function_name="jobs-worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(WORKER_CODE),
            timeout=core.Duration.minutes(1),
            reserved_concurrent_executions=10,
            log_retention=logs.RetentionDays.SEVEN_DAYS,
        )
        worker.add_event_source(
            event_sources.SqsEventSource(self.queue, batch_size=10, report_batch_item_failures=True)
        )
