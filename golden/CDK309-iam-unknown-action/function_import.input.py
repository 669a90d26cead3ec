from aws_cdk import Stack
from constructs import Construct


class LazyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        from aws_cdk.aws_iam import PolicyStatement

        PolicyStatement(actions=["sqs:ReceiveMessages"], resources=["*"])
