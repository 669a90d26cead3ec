import aws_cdk as cdk

app = cdk.App(
    context={
        "@aws-cdk/aws-lambda:recognizeLayerVersion": True,
        "@aws-cdk/core:checkSecretUsage": True,
        "@aws-cdk/aws-iam:minimizePolicies": True,
        "environment": "dev",
    }
)
stack = cdk.Stack(app, "Stack")
stack.node.set_context("owner", "platform-team")
app.synth()
