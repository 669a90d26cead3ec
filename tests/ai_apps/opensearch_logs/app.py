#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.search_stack import LogSearchStack

app = cdk.App()
LogSearchStack(app, "LogSearchStack")
app.synth()
