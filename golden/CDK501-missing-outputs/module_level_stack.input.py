import aws_cdk as cdk
from aws_cdk import aws_kms as kms

app = cdk.App()
stack = cdk.Stack(app, "Keys")
key = kms.Key(stack, "Signing", enable_key_rotation=True)
app.synth()
