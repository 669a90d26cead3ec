import aws_cdk as cdk
from constructs import Construct


class ArnStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        cdk.aws_iam.ManagedPolicy.from_managed_policy_arn(
            self, "Admin", "arn:aws:iam::aws:policy/PowerUserAccess")
        cdk.aws_iam.CfnRole(
            self,
            "L1Role",
            assume_role_policy_document={},
            managed_policy_arns=["arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess",
                                 "arn:aws:iam::aws:policy/ReadOnlyAccess"],
        )
