#!/usr/bin/env python3
"""Orders service: an AWS CDK app with the mistakes security reviews keep finding.

Run `remediator fix --diff examples/insecure_app` from the repository root to see them fixed.
"""
import aws_cdk as cdk

from stacks.data_stack import DataStack
from stacks.database_stack import DatabaseStack
from stacks.storage_stack import StorageStack

app = cdk.App()
StorageStack(app, "OrdersStorage")
DataStack(app, "OrdersData")
DatabaseStack(app, "OrdersDatabase")
app.synth()
