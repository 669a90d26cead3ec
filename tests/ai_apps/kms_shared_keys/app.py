#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.keys_stack import SharedKeysStack

app = cdk.App()

consumer_accounts = app.node.try_get_context("consumer_accounts") or []
SharedKeysStack(app, "SharedKeys", consumer_accounts=consumer_accounts)

app.synth()
