from aws_cdk import Stack
from aws_cdk import Tags
from constructs import Construct

from .network import NetworkConstruct, build_queues


class ComposedStack(Stack):
    """Constructs defined in other files: their resources cannot be seen, so the fix is unsafe."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Tags.of(self).add("Environment", "prod")
        Tags.of(self).add("Owner", "platform-team")
        Tags.of(self).add("Project", "orders")
        NetworkConstruct(self, "Network")
        build_queues(self)
        Local(self, "Local")


class Local(Construct):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
