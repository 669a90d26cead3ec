from aws_cdk import Stack
from constructs import Construct


class SecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        from aws_cdk import aws_kms as kms
        from aws_cdk import aws_secretsmanager as secrets

        key = kms.Key(self, "Key")
        secrets.Secret(self, "Token")
