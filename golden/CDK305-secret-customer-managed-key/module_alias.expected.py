from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_kms as kms
from constructs import Construct


class SecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        api_secret_key = kms.Key(self, "ApiSecretKey", enable_key_rotation=True)
        api_secret = secretsmanager.Secret(self, "ApiSecret", encryption_key=api_secret_key)
        unbound_secret_key = kms.Key(self, "UnboundKey", enable_key_rotation=True)
        secretsmanager.Secret(
            self,
            "Unbound",
            description="bound to nothing",
            encryption_key=unbound_secret_key,
        )
