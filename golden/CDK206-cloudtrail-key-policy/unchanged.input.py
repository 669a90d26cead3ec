from aws_cdk import Stack
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from constructs import Construct

CLOUDTRAIL = iam.ServicePrincipal("cloudtrail.amazonaws.com")


class UnchangedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, given_key: kms.IKey, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cloudtrail.Trail(self, "Plain")
        cloudtrail.Trail(self, "Given", encryption_key=given_key)
        imported = kms.Key.from_key_arn(self, "Imported", "arn:aws:kms:us-east-1:111122223333:key/abc")
        cloudtrail.Trail(self, "ImportedKey", encryption_key=imported)
        allowed = kms.Key(self, "Allowed", enable_key_rotation=True)
        allowed.add_to_resource_policy(
            iam.PolicyStatement(
                principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
                actions=["kms:GenerateDataKey*", "kms:DescribeKey"],
                resources=["*"],
            )
        )
        cloudtrail.Trail(self, "AllowedKey", encryption_key=allowed)
        statement = iam.PolicyStatement(principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
                                        actions=["kms:GenerateDataKey*"], resources=["*"])
        bound = kms.Key(self, "Bound", enable_key_rotation=True)
        bound.add_to_resource_policy(statement)
        cloudtrail.Trail(self, "BoundKey", encryption_key=bound)
        granted = kms.Key(self, "Granted", enable_key_rotation=True)
        granted.grant_encrypt_decrypt(iam.ServicePrincipal("cloudtrail.amazonaws.com"))
        cloudtrail.Trail(self, "GrantedKey", encryption_key=granted)
