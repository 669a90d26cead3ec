from aws_cdk import App, Stack

app = App()
Stack(app, "Empty")
app.synth()  # remediator: ignore[CDK108]