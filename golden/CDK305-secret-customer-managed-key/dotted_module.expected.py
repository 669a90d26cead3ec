import aws_cdk as cdk
import aws_cdk.aws_secretsmanager as sm
from constructs import Construct


class SecretsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        token_secret_key = cdk.aws_kms.Key(self, "TokenKey", enable_key_rotation=True)
        sm.Secret(self, "Token", encryption_key=token_secret_key)
