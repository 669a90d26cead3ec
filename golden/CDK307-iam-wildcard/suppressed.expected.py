from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class LegacyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        role = iam.Role(self, "Role", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        # remediator: ignore[CDK307]
        role.add_to_policy(iam.PolicyStatement(actions=["s3:*"], resources=["arn:aws:s3:::legacy/*"]))
