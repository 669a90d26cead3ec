#!/usr/bin/env python3
import os
import aws_cdk as cdk

from stacks.postgres_stack import PostgresStack

app = cdk.App()
PostgresStack(
    app,
    "PostgresStack",
    env=cdk.Environment(account=os.environ.get("CDK_DEFAULT_ACCOUNT"), region=os.environ.get("CDK_DEFAULT_REGION")),
)
app.synth()
