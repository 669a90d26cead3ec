from aws_cdk import Stack
from aws_cdk import aws_sns as sns
from constructs import Construct


class TopicStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        topic = sns.Topic(self, "Alerts")
        sns.Subscription(
            self,
            "Mail",
            topic=topic,
            endpoint="ops@example.com",
            protocol=subs_protocol.SubscriptionProtocol.EMAIL,  # remediator: ignore[CDK102]
        )
