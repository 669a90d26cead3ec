#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.storage import DataLakeStorageStack
from stacks.catalog import DataCatalogStack

app = cdk.App()

storage = DataLakeStorageStack(app, "DataLakeStorage")
DataCatalogStack(app, "DataLakeCatalog", raw_bucket=storage.raw_bucket, curated_bucket=storage.curated_bucket,
                 results_bucket=storage.results_bucket)

app.synth()
