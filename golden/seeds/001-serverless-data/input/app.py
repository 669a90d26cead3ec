#!/usr/bin/env python3
import aws_cdk as cdk

from serverless_data_stack import ServerlessDataStack

app = cdk.App()
ServerlessDataStack(app, "ServerlessData")
app.synth()
