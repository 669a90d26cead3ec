#!/usr/bin/env python3
import aws_cdk as cdk

from infra.main_stack import MainStack

app = cdk.App()
MainStack(app, "InventoryPlatform")
app.synth()
