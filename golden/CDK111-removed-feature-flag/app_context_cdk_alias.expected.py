#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.storage_stack import StorageStack

app = cdk.App(
    context={
        "environment": "dev",
    }
)
StorageStack(app, "StorageStack", env=cdk.Environment(account="123456789012", region="eu-west-1"))
app.synth()
