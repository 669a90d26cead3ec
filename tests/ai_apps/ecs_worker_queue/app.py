#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.worker_stack import VideoWorkerStack

app = cdk.App()
VideoWorkerStack(app, "VideoWorkers", image=app.node.try_get_context("worker_image") or "public.ecr.aws/docker/library/python:3.12-slim")
app.synth()
