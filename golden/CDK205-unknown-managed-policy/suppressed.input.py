from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class SuppressedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(self, "New", assumed_by=iam.ServicePrincipal("bedrock.amazonaws.com"))
        # published after the snapshot: keep it
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("BrandNewServicePolicy"))  # remediator: ignore[CDK205]
