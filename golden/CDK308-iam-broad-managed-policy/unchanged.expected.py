from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class NarrowStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, name: str) -> None:
        super().__init__(scope, construct_id)
        iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchAgentServerPolicy")
        iam.ManagedPolicy.from_aws_managed_policy_name("AmazonSSMManagedInstanceCore")
        iam.ManagedPolicy.from_aws_managed_policy_name(name)
        iam.ManagedPolicy.from_managed_policy_arn(self, "Own", "arn:aws:iam::123456789012:policy/FullAccess")
