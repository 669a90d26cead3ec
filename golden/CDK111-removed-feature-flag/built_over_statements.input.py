import aws_cdk as cdk
from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = kms.Key(self, "Key", enable_key_rotation=True)
        s3.Bucket(self, "Data", encryption_key=key, enforce_ssl=True)


# v1 flags copied from an old cdk.json, added over several statements
base_context = {"@aws-cdk/aws-secretsmanager:parseOwnedSecretName": True, "team": "data"}
context = {**base_context, "env": "dev"}
context["@aws-cdk/core:enableStackNameDuplicates"] = "true"
context.update({"@aws-cdk/aws-kms:defaultKeyPolicies": True})
context.update({"@aws-cdk/aws-s3:grantWriteWithoutAcl": True, "owner": "platform"})
app = cdk.App(context=context)
DataStack(app, "Data")

settings = {"context": {"@aws-cdk/aws-efs:defaultEncryptionAtRest": True, "env": "prod"}}
other = cdk.App(**settings)
DataStack(other, "OtherData")

app.synth()
other.synth()
