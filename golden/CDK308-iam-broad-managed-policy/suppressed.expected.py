from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class BreakGlassStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        iam.ManagedPolicy.from_aws_managed_policy_name("AdministratorAccess")  # remediator: ignore[CDK308]
