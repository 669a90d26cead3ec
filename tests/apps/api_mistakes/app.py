#!/usr/bin/env python3
"""An AI-drafted CDK app with a dozen API mistakes (see tests/test_synth_api_mistakes.py)."""
import aws_cdk as cdk

from stacks.data_stack import DataStack
from stacks.web_stack import WebStack

app = cdk.App()
env_name = app.node.try_get_context("env")
DataStack(app, f"Data-{env_name}", environment=env_name)
WebStack(app, "Web")
app.synth()
