import aws_cdk
import constructs


class KeysStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_kms.Key(self, "Key", enable_key_rotation=True)
        aws_cdk.aws_kms.CfnKey(self, "L1Key", enable_key_rotation=True)
