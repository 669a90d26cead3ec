from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_kms as kms
from constructs import Construct


class SuppressedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        secretsmanager.Secret(self, "Legacy")  # remediator: ignore[CDK305]
        new_secret_key = kms.Key(self, "NewKey", enable_key_rotation=True)
        secretsmanager.Secret(self, "New", encryption_key=new_secret_key)
