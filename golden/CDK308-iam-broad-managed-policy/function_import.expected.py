from aws_cdk import Stack
from constructs import Construct


def ops_role(scope: Construct):
    from aws_cdk import aws_iam as iam

    return iam.Role(scope, "Ops", assumed_by=iam.AccountRootPrincipal(),
                    managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("AmazonSQSFullAccess")])
