from aws_cdk import Stack
from constructs import Construct

from .network import NetworkConstruct, build_queues


class ComposedStack(Stack):
    """Constructs defined in other files: their resources cannot be seen, so the fix is unsafe."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        NetworkConstruct(self, "Network")
        build_queues(self)
        Local(self, "Local")


class Local(Construct):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
