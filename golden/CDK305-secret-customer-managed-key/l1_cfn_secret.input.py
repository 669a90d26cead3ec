from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class L1Stack(Stack):
    def __init__(self, scope: Construct, construct_id: str, key_arn: str) -> None:
        super().__init__(scope, construct_id)
        secretsmanager.CfnSecret(self, "Plain", generate_secret_string=secretsmanager.CfnSecret.GenerateSecretStringProperty())
        secretsmanager.CfnSecret(self, "Keyed", kms_key_id=key_arn)
