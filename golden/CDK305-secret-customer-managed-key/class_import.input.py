from aws_cdk import Stack
from aws_cdk.aws_kms import Key
from aws_cdk.aws_secretsmanager import Secret
from constructs import Construct


class SecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.key = Key(self, "DataKey", enable_key_rotation=True)
        self.token = Secret(self, "Token")
