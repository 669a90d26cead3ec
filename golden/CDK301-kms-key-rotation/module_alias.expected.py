from aws_cdk import Duration, Stack
from aws_cdk import aws_kms as kms
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kms.Key(self, "Plain", enable_key_rotation=True)
        kms.Key(self, "Disabled", enable_key_rotation=True)
        kms.Key(
            self,
            "MultiLine",
            alias="alias/data",  # keep this comment
            description="data key",
            enable_key_rotation=True,
        )
        kms.Key(self, "Rotating", enable_key_rotation=True)
        kms.Key(self, "Period", rotation_period=Duration.days(180))
