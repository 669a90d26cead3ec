#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.ingest_stack import TelemetryIngestStack

app = cdk.App()
TelemetryIngestStack(app, "TelemetryIngest")
app.synth()
