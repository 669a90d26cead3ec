import aws_cdk as cdk

from app_stacks.uploads import UploadsStack, UploadsProps

app = cdk.App()
UploadsStack(app, "Uploads", props=UploadsProps(max_size_mb=25, retain=False))
app.synth()
