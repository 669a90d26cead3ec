import aws_cdk as cdk
import aws_cdk.aws_secretsmanager as sm
from constructs import Construct


class SecretsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        sm.Secret(self, "Token")
