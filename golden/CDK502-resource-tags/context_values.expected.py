from aws_cdk import Stack
from aws_cdk import aws_sns as sns
from aws_cdk import Tags
from constructs import Construct


class AlertsStack(Stack):
    """cdk.json sets owner, projectName and environment: the tags read them from the context."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Tags.of(self).add("Environment", self.node.try_get_context("environment"))
        Tags.of(self).add("Owner", self.node.try_get_context("owner"))
        Tags.of(self).add("Project", self.node.try_get_context("projectName"))
        sns.Topic(self, "Alerts")
