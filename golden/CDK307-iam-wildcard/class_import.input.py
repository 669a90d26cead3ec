from aws_cdk import Stack
from aws_cdk.aws_iam import Effect, PolicyStatement, Role, ServicePrincipal
from constructs import Construct


class ClassStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        role = Role(self, "Role", assumed_by=ServicePrincipal("ec2.amazonaws.com"))
        role.add_to_policy(PolicyStatement(effect=Effect.ALLOW, actions=["kms:Decrypt"], resources=["*"]))
        role.add_to_policy(PolicyStatement(effect=Effect.DENY, actions=["*"], resources=["*"]))
