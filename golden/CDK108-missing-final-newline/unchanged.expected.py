from aws_cdk import App, Stack

app = App()
Stack(app, "Empty")
app.synth()
