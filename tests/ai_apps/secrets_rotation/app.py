#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.secrets_stack import ApiSecretsStack

app = cdk.App()
ApiSecretsStack(app, "ApiSecrets")
app.synth()
