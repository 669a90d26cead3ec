#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.network_stack import NetworkStack
from stacks.service_stack import WebServiceStack

app = cdk.App()

network = NetworkStack(app, "WebNetwork")
WebServiceStack(app, "WebService", vpc=network.vpc)

app.synth()
