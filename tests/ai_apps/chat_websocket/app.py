#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.chat_stack import ChatStack

app = cdk.App()
ChatStack(app, "ChatStack", stage_name=app.node.try_get_context("stage") or "dev")
app.synth()
