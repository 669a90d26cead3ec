import aws_cdk as cdk

from infra.platform import PlatformStack

app = cdk.App()
PlatformStack(app, "Platform")
app.synth()
