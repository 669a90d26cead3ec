import aws_cdk.aws_sns as sns
import aws_cdk.core as core


class TopicStack(core.Stack):
    def __init__(self, scope: core.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        topic = sns.Topic(self, "Alerts")
        core.CfnOutput(self, "TopicArn", value=topic.topic_arn)
