import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from constructs import Construct


class ArnStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        iam.CfnRole(
            self,
            "Legacy",
            assume_role_policy_document={"Version": "2012-10-17", "Statement": []},
            managed_policy_arns=[
                "arn:aws:iam::aws:policy/AWSLambdaExecute",
                f"arn:{cdk.Aws.PARTITION}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
            ],
        )
        iam.CfnUser(self, "Bot")
        imported = iam.ManagedPolicy.from_managed_policy_arn(self, "Imported", "arn:aws:iam::aws:policy/ImportedInvented")
        own = iam.ManagedPolicy.from_managed_policy_arn(self, "Own", "arn:aws:iam::111122223333:policy/MyPolicy")
        print(imported, own)
