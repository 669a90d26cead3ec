#!/usr/bin/env python3
import os

import aws_cdk as cdk

from stacks.storage_stack import OrderStorageStack
from stacks.pipeline_stack import OrderPipelineStack


app = cdk.App()

env = cdk.Environment(
    account=os.getenv("CDK_DEFAULT_ACCOUNT"),
    region=os.getenv("CDK_DEFAULT_REGION"),
)

storage = OrderStorageStack(app, "OrderStorageStack", env=env)
OrderPipelineStack(
    app,
    "OrderPipelineStack",
    orders_table=storage.orders_table,
    env=env,
)

app.synth()
