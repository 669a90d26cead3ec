from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class SharedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        secret = secretsmanager.Secret(self, "Shared")
        CfnOutput(self, "SharedArn", value=secret.secret_arn)  # remediator: ignore[CDK310]
