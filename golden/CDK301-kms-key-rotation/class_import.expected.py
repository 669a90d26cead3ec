from aws_cdk import Stack
from aws_cdk.aws_kms import CfnKey, Key, KeySpec, KeyUsage
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Key(self, "Plain", enable_key_rotation=True)
        Key(self, "Symmetric", key_spec=KeySpec.SYMMETRIC_DEFAULT, enable_key_rotation=True)
        Key(self, "Signing", key_spec=KeySpec.RSA_2048, key_usage=KeyUsage.SIGN_VERIFY)
        Key(self, "Mac", key_spec=KeySpec.HMAC_256, key_usage=KeyUsage.GENERATE_VERIFY_MAC)
        CfnKey(self, "L1Plain", enable_key_rotation=True)
