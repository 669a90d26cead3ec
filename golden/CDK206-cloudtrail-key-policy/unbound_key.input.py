from aws_cdk import Stack
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from constructs import Construct


class HelperStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = kms.Key(
            self,
            "OrgTrailKey",
            enable_key_rotation=True,
            description="CloudTrail logs",
        )  # the key of every trail
        cloudtrail.Trail(self, "OrgTrail", encryption_key=key, is_multi_region_trail=True)
        role = iam.Role(self, "Reader", assumed_by=iam.AccountRootPrincipal())
        key.grant_decrypt(role)
