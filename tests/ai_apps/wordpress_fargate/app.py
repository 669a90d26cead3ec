#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.wordpress_stack import WordpressStack

app = cdk.App(context={
    "@aws-cdk/core:enableStackNameDuplicates": "true",
    "aws-cdk:enableDiffNoFail": "true",
    "@aws-cdk/core:stackRelativeExports": "true",
    "@aws-cdk/aws-ecs-patterns:removeDefaultDesiredCount": True,
})

WordpressStack(app, "WordpressStack", site_name=app.node.try_get_context("site_name") or "blog")

app.synth()
