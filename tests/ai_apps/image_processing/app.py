#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.image_stack import ImageProcessingStack

app = cdk.App()
ImageProcessingStack(app, "ImageProcessing")
app.synth()
