#!/usr/bin/env python3
import os

import aws_cdk as cdk

from stacks.network import NetworkStack
from stacks.data import DataStack
from stacks.service import ApiServiceStack

app = cdk.App(
    context={
        "@aws-cdk/core:stackRelativeExports": True,
        "@aws-cdk/aws-secretsmanager:parseOwnedSecretName": True,
        "@aws-cdk/aws-rds:lowercaseDbIdentifier": True,
    }
)

env = cdk.Environment(account=os.getenv("CDK_DEFAULT_ACCOUNT"), region=os.getenv("CDK_DEFAULT_REGION", "us-east-1"))

network = NetworkStack(app, "ApiNetwork", env=env)
data = DataStack(app, "ApiData", vpc=network.vpc, env=env)
ApiServiceStack(app, "ApiService", vpc=network.vpc, database=data.cluster, cache_endpoint=data.cache_endpoint,
                api_secret=data.api_secret, env=env)

app.synth()
