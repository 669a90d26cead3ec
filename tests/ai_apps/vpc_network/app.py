#!/usr/bin/env python3
import aws_cdk as cdk

from network.vpc_stack import CoreNetworkStack

app = cdk.App()

cidr = app.node.try_get_context("vpc_cidr") or "10.0.0.0/16"
CoreNetworkStack(app, "CoreNetwork", cidr=cidr, env=cdk.Environment(region="eu-west-1"))

app.synth()
