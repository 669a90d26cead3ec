from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kms.CfnKey(self, "Plain", description="plain L1 key")
        kms.CfnKey(self, "Off", enable_key_rotation=False)
        kms.CfnKey(self, "Symmetric", key_spec="SYMMETRIC_DEFAULT")
        kms.CfnKey(self, "Rsa", key_spec="RSA_2048", key_usage="SIGN_VERIFY")
        kms.CfnKey(self, "Hmac", key_spec="HMAC_256", key_usage="GENERATE_VERIFY_MAC")
        kms.CfnKey(self, "Period", enable_key_rotation=True, rotation_period_in_days=180)
