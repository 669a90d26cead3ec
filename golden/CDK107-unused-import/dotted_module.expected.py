import aws_cdk as cdk
import aws_cdk.aws_sns as sns
from constructs import Construct


class TopicStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        sns.Topic(self, "Alerts")
