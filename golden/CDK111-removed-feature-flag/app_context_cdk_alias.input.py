#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.storage_stack import StorageStack

app = cdk.App(
    context={
        "@aws-cdk/core:enableStackNameDuplicates": True,
        "environment": "dev",
        "@aws-cdk/aws-kms:defaultKeyPolicies": True,  # v1 default key policies
        "@aws-cdk/aws-s3:grantWriteWithoutAcl": True,
    }
)
StorageStack(app, "StorageStack", env=cdk.Environment(account="123456789012", region="eu-west-1"))
app.synth()
