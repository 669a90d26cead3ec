from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class GrantsStack(Stack):
    """`Bucket.grant` does not exist; the fix grants exactly the actions given, never more."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(self, "Worker", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        plain = s3.Bucket(self, "Plain")
        # exactly what grant_read grants: grant_read
        plain.grant_read(role)
        # exactly what grant_read_write grants: grant_read_write
        plain.grant_read_write(role)
        # one read action is not every read action: exactly that one, on the objects
        plain.grants.actions_on_object_keys(role, "*", "s3:GetObject")
        # a bucket-level action: on the bucket and its objects
        plain.grants.actions_on_bucket_and_object_keys(role, "*", "s3:ListBucket")
        key = kms.Key(self, "Key", enable_key_rotation=True)
        encrypted = s3.Bucket(self, "Encrypted", encryption_key=key)
        # grant_read would also grant kms:Decrypt on the key: not the same permission
        encrypted.grants.actions_on_bucket_and_object_keys(
            role, "*", "s3:GetObject*", "s3:GetBucket*", "s3:List*"
        )
