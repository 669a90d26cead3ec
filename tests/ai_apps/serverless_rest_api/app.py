#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.products_api import ProductsApiStack

app = cdk.App()

stage = app.node.try_get_context("stage") or "dev"
ProductsApiStack(app, f"ProductsApi-{stage}", stage=stage)

app.synth()
