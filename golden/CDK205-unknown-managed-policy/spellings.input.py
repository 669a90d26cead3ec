import aws_cdk as cdk
from aws_cdk.aws_iam import ManagedPolicy, Role, ServicePrincipal
from constructs import Construct


class SpellingsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = Role(self, "Runner", assumed_by=ServicePrincipal("ecs-tasks.amazonaws.com"))
        role.add_managed_policy(ManagedPolicy.from_aws_managed_policy_name("AmazonECSTaskExecutionRolePolicy"))
        role.add_managed_policy(cdk.aws_iam.ManagedPolicy.from_aws_managed_policy_name("ECSTaskInventedPolicy"))
        self.audit(role)

    def audit(self, role) -> None:
        import aws_cdk.aws_iam as identity

        role.add_managed_policy(identity.ManagedPolicy.from_aws_managed_policy_name("SecurityAuditInvented"))
