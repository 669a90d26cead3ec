#!/usr/bin/env python3
import aws_cdk as cdk

from lib.cache_stack import CacheStack

app = cdk.App()
CacheStack(app, "SessionCacheStack")
app.synth()
