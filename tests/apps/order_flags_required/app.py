#!/usr/bin/env python3
"""An AI-drafted app that does not synthesize, for three reasons:

- the App sets CDK v1 feature flags that CDK v2 rejects (CDK111);
- StorageStack creates its data bucket before the logs bucket its helper reads (CDK110);
- ApiStack calls AccessLogFormat.json_with_standard_fields() without its nine required
  booleans, and LogsStack builds jsii enums from values: RetentionDays(7), BillingMode("pay_per_request")
  (CDK112).

ISSUE5_STACKS (comma-separated: storage, api, logs; default all) selects the stacks to build, so a
test can show that each mistake on its own stops synthesis.
"""
import os

import aws_cdk as cdk

from stacks.api_stack import ApiStack
from stacks.logs_stack import LogsStack
from stacks.storage_stack import StorageStack

app = cdk.App(
    context={
        "@aws-cdk/core:enableStackNameDuplicates": True,
        "@aws-cdk/aws-s3:grantWriteWithoutAcl": True,
        "environment": "dev",
    }
)
env = cdk.Environment(account="123456789012", region="eu-west-1")
selected = os.environ.get("ISSUE5_STACKS", "storage,api,logs").split(",")

if "storage" in selected:
    StorageStack(app, "Storage", env=env)
if "api" in selected:
    ApiStack(app, "Api", env=env)
if "logs" in selected:
    LogsStack(app, "Logs", env=env)

app.synth()
