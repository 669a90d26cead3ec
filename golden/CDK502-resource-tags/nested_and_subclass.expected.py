from aws_cdk import NestedStack, Stack, Tags
from aws_cdk import aws_s3 as s3
from constructs import Construct


class BaseStack(Stack):
    """The base stack gets the tags; the subclass inherits them through super().__init__."""

    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Tags.of(self).add("Environment", stage)


class DataStack(BaseStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, stage="prod", **kwargs)
        s3.Bucket(self, "Data")


class Inner(NestedStack):
    """A nested stack is tagged by its parent."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        s3.Bucket(self, "Nested")
