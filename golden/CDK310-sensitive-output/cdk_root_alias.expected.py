import aws_cdk as cdk
from constructs import Construct


class RootStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        token = cdk.aws_secretsmanager.Secret(self, "Token")
        cdk.CfnOutput(self, "TokenArn", value=token.secret_arn, export_name="token-arn")
