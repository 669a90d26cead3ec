import aws_cdk as cdk
import aws_cdk.aws_sqs as queues
from aws_cdk.aws_dynamodb import Attribute, AttributeType, Table
from constructs import Construct


class SpellingsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.aws_s3.Bucket(self, "Archive", bucket_name="acme-archive")
        Table(self, "Events", table_name="events", partition_key=Attribute(name="pk", type=AttributeType.STRING))
        queues.Queue(self, "Inbox", queue_name="inbox")
        self._topics()

    def _topics(self) -> None:
        """Topics are built here: the environment name is read at the top of this method."""
        from aws_cdk import aws_sns as notify

        notify.Topic(self, "Alerts", topic_name="alerts")
