#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.web_tier import WebTierStack

app = cdk.App()
region = app.node.try_get_context("region") or "us-west-2"
WebTierStack(app, "WebTier", region=region, instance_type=app.node.try_get_context("instance_type"))
app.synth()
