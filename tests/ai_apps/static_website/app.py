#!/usr/bin/env python3
import aws_cdk as cdk

from lib.website_stack import StaticWebsiteStack

app = cdk.App()

domain_name = app.node.try_get_context("domain_name")
subdomain = app.node.try_get_context("subdomain") or "www"

StaticWebsiteStack(
    app,
    "StaticWebsite",
    domain_name=domain_name,
    subdomain=subdomain,
    env=cdk.Environment(account="123456789012", region="us-east-1"),
)

app.synth()
