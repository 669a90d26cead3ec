import aws_cdk as cdk
import aws_cdk.aws_iam as iam_
from constructs import Construct


class DottedStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        iam_.Role(self, "Ops", assumed_by=iam_.AccountRootPrincipal(),
                  managed_policies=[iam_.ManagedPolicy.from_aws_managed_policy_name("IAMFullAccess")])
