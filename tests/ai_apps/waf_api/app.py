#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.api_stack import PublicApiStack
from stacks.waf_stack import ApiFirewallStack

app = cdk.App()

rate_limit = int(app.node.try_get_context("rate_limit_per_5min") or 2000)

api_stack = PublicApiStack(app, "PublicApi")
firewall = ApiFirewallStack(app, "PublicApiFirewall", stage_arn=api_stack.stage_arn, rate_limit=rate_limit)
firewall.add_dependency(api_stack)

app.synth()
