import aws_cdk.aws_sns as sns
import aws_cdk as cdk
from constructs import Construct


class TopicStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        topic = sns.Topic(self, "Alerts")
        cdk.CfnOutput(self, "TopicArn", value=topic.topic_arn)
