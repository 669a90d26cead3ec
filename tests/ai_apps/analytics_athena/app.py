#!/usr/bin/env python3
import aws_cdk as cdk

from lib.analytics_stack import WebAnalyticsStack

app = cdk.App()
WebAnalyticsStack(app, "WebAnalytics", database_name=app.node.try_get_context("glue_database") or "web_analytics")
app.synth()
