#!/usr/bin/env python3
import aws_cdk as cdk

from workers.queue_stack import WorkQueueStack
from workers.alarms import add_queue_alarms

app = cdk.App(
    context={
        "@aws-cdk/core:newStyleStackSynthesis": True,
        "@aws-cdk/core:enableStackNameDuplicates": True,
        "@aws-cdk/aws-kms:defaultKeyPolicies": True,
        "@aws-cdk/aws-s3:grantWriteWithoutAcl": True,
    }
)

stack = WorkQueueStack(app, "WorkQueueStack")
add_queue_alarms(stack, stack.queue, stack.dlq)

app.synth()
