#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.media_cdn_stack import MediaCdnStack

app = cdk.App()
MediaCdnStack(app, "MediaCdn", env=cdk.Environment(account="123456789012", region="us-east-1"))
app.synth()
