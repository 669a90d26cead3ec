#!/usr/bin/env python3
import os

import aws_cdk as cdk

from stacks.storage_stack import DataLakeStorageStack
from stacks.catalog_stack import CatalogStack

app = cdk.App()
env = cdk.Environment(account=os.getenv("CDK_DEFAULT_ACCOUNT"), region=os.getenv("CDK_DEFAULT_REGION"))

storage = DataLakeStorageStack(app, "DataLakeStorage", env=env)
CatalogStack(app, "DataLakeCatalog", raw_bucket=storage.raw_bucket, curated_bucket=storage.curated_bucket, env=env)

app.synth()
