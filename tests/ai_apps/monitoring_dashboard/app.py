#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.api_stack import ApiStack
from stacks.monitoring_stack import MonitoringStack

app = cdk.App()

api_stack = ApiStack(app, "ServiceApi")
MonitoringStack(
    app,
    "ServiceMonitoring",
    api=api_stack.api,
    handler=api_stack.handler,
    alarm_email=app.node.try_get_context("alarm_email"),
)

app.synth()
