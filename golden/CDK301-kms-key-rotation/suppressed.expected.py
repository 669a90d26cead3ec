from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kms.Key(self, "Legacy")  # remediator: ignore[CDK301]
        # remediator: ignore[kms-key-rotation]
        kms.Key(self, "LegacyToo")
        kms.Key(
            self,
            "External",
            description="material imported by the HSM team",
        )  # remediator: ignore
        kms.Key(self, "New", enable_key_rotation=True)
