from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class ReportedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(self, "Flow", assumed_by=iam.ServicePrincipal("vpc-flow-logs.amazonaws.com"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("aws-service-role/AWSVPCFlowLogsServiceRolePolicy"))
        policy = iam.ManagedPolicy.from_aws_managed_policy_name("BoundInventedPolicy")
        role.add_managed_policy(policy)
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name(name))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchAgentServerPolicy"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AmazonEC2RoleforSSM"))
