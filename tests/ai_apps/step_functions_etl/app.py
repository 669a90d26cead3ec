#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.etl_stack import EtlWorkflowStack

app = cdk.App()
env_name = app.node.try_get_context("environment") or "dev"
EtlWorkflowStack(app, f"EtlWorkflow-{env_name}", env_name=env_name)
app.synth()
