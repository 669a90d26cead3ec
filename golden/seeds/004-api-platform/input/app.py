#!/usr/bin/env python3
import aws_cdk as cdk

from api_platform_stack import ApiPlatformStack

app = cdk.App()
ApiPlatformStack(app, "ApiPlatform")
app.synth()
