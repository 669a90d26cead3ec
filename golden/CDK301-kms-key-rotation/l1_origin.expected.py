from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from constructs import Construct


class ImportedKeysStack(Stack):
    """Keys with imported key material (origin EXTERNAL) cannot rotate automatically: CloudFormation
    rejects EnableKeyRotation on them, so only keys of origin AWS_KMS are fixed."""

    def __init__(self, scope: Construct, construct_id: str, *, key_origin: str = "AWS_KMS", **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kms.CfnKey(self, "Imported", origin="EXTERNAL", description="imported key material")
        kms.CfnKey(self, "ImportedOff", origin="EXTERNAL", enable_key_rotation=False)
        kms.CfnKey(self, "FromParameter", origin=key_origin)
        kms.CfnKey(self, "Generated", origin="AWS_KMS", enable_key_rotation=True)
