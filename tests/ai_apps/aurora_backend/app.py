#!/usr/bin/env python3
from aws_cdk import core

from stacks.database_stack import AuroraDatabaseStack


app = core.App()

stage = app.node.try_get_context("stage")

AuroraDatabaseStack(app, f"AuroraBackend-{stage}", stage=stage)

app.synth()
