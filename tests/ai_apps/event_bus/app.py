#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.event_bus_stack import EventBusStack

app = cdk.App()
EventBusStack(app, "DomainEventsStack")
app.synth()
