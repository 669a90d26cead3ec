import aws_cdk as cdk
from constructs import Construct


class KeysStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data_key = cdk.aws_kms.Key(
            self, "DataKey", alias="alias/data", enable_key_rotation=True
        )
        cdk.aws_kms.Key(self, "Rotating", enable_key_rotation=True)
