import aws_cdk as cdk
from constructs import Construct


class ApiStack(cdk.Stack):
    """`import aws_cdk as cdk`: Environment from the `stage` parameter; Owner and Project have no value."""

    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.Tags.of(self).add("Environment", stage)
        cdk.aws_sqs.Queue(self, "Jobs")
