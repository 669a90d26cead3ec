#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.auth_stack import AuthStack
from stacks.api_stack import ProfileApiStack

app = cdk.App()

domain_prefix = app.node.try_get_context("auth_domain_prefix") or "my-app-auth"
callback_urls = app.node.try_get_context("callback_urls") or ["http://localhost:3000/callback"]

auth = AuthStack(app, "AuthStack", domain_prefix=domain_prefix, callback_urls=callback_urls)
ProfileApiStack(app, "ProfileApiStack", user_pool=auth.user_pool, user_pool_client=auth.client)

app.synth()
