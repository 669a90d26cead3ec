import aws_cdk
import aws_cdk.aws_sns as sns
from aws_cdk import NestedStack
from constructs import Construct


class TopicsStack(NestedStack):
    def __init__(self, scope: Construct, construct_id: str, stage: str) -> None:
        super().__init__(scope, construct_id)
        self.environment, self.stack_label = stage, f"topics-{stage}"
        sns.Topic(self, "Alerts", display_name=f"alerts-{self.environment}")


class RootStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.env = aws_cdk.Environment(region="eu-west-1")
        self.topics = TopicsStack(self, "Topics", stage)
