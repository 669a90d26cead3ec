import aws_cdk.aws_sns
import aws_cdk.core
from constructs import Construct


class TopicStack(aws_cdk.core.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_sns.Topic(self, "Alerts")
        aws_cdk.core.Tags.of(self).add("team", "ops")
