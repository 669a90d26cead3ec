from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class KeyedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **options) -> None:
        super().__init__(scope, construct_id)
        key = kms.Key(self, "Key", enable_key_rotation=True)
        secretsmanager.Secret(self, "Keyed", encryption_key=key)
        secretsmanager.Secret(self, "Spread", **options)
        secretsmanager.Secret.from_secret_name_v2(self, "Imported", "shared/secret")
