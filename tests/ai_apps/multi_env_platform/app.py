#!/usr/bin/env python3
import aws_cdk as cdk

from platform_stacks.platform_stack import PlatformStack

app = cdk.App()

env_name = app.node.try_get_context("env")
account = app.node.try_get_context("account")

PlatformStack(
    app,
    f"Platform-{env_name}",
    env_name=env_name,
    env=cdk.Environment(account=account, region="eu-central-1"),
)

app.synth()
