#!/usr/bin/env python3
import aws_cdk as cdk

from web_tier_stack import WebTierStack

app = cdk.App()
WebTierStack(app, "WebTier", env=cdk.Environment(account="111111111111", region="us-east-1"))
app.synth()
