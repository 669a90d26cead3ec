#!/usr/bin/env python3
import aws_cdk as cdk

from static_site_stack import StaticSiteStack

app = cdk.App()
StaticSiteStack(app, "StaticSite", env=cdk.Environment(account="111111111111", region="us-west-2"))
app.synth()
