import aws_cdk as cdk
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subs
from aws_cdk import aws_sqs as sqs
from aws_cdk.aws_sns_subscriptions import SqsSubscription
from aws_cdk.aws_sqs import Queue, QueueEncryption
from constructs import Construct


class WorkersStack(cdk.Stack):
    """A queue subscribed to SNS cannot use the AWS managed key; one that is not subscribed can."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        topic = sns.Topic(self, "Orders")
        audit = sqs.Queue(self, "Audit", encryption=sqs.QueueEncryption.KMS_MANAGED)  # not subscribed
        self.queue = sqs.Queue(
            self,
            "Jobs",
            encryption=sqs.QueueEncryption.KMS,
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=audit),
        )
        topic.add_subscription(subs.SqsSubscription(self.queue, raw_message_delivery=True))
        billing = Queue(self, "Billing", encryption=QueueEncryption.KMS)
        topic.add_subscription(SqsSubscription(billing))
        cdk.aws_sqs.Queue(self, "Plain", encryption=cdk.aws_sqs.QueueEncryption.SQS_MANAGED)
