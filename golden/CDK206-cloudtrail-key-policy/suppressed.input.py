from aws_cdk import Stack
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_kms as kms
from constructs import Construct


class SuppressedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = kms.Key(self, "Key", enable_key_rotation=True)
        # the key policy is managed by the security team's stack set
        cloudtrail.Trail(self, "Trail", encryption_key=key)  # remediator: ignore[CDK206]
