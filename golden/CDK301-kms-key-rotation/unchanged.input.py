from aws_cdk import Duration, Stack
from aws_cdk import aws_kms as kms
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, rotate: bool = True, key_props=None,
                 **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kms.Key(self, "Rotating", enable_key_rotation=True)
        kms.Key(self, "Period", rotation_period=Duration.days(90))
        kms.Key(self, "FromFlag", enable_key_rotation=rotate)
        kms.Key(self, "Spread", **(key_props or {}))
        kms.Key(self, "ImportedSpec", key_spec=kms.KeySpec.ECC_NIST_P256, key_usage=kms.KeyUsage.SIGN_VERIFY)
