from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class SecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, use_rotation: bool) -> None:
        super().__init__(scope, construct_id)
        signing = kms.Key(self, "Signing", key_spec=kms.KeySpec.RSA_2048, key_usage=kms.KeyUsage.SIGN_VERIFY)
        locked = kms.Key(self, "Locked", policy=iam.PolicyDocument())
        maybe = kms.Key(self, "Maybe", enable_key_rotation=use_rotation)
        if use_rotation:
            conditional = kms.Key(self, "Conditional", enable_key_rotation=True)
        secretsmanager.Secret(self, "Token")
        after = kms.Key(self, "After", enable_key_rotation=True)
