#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.dns_stack import DnsStack

app = cdk.App()
DnsStack(app, "DnsStack", env=cdk.Environment(region="us-east-1"))
app.synth()
