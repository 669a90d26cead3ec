from aws_cdk import App, Stack
from aws_cdk.aws_secretsmanager import Secret

app = App()
stack = Stack(app, "SecretsStack")
Secret(stack, "ApiKey")
app.synth()

other = App(
    outdir="cdk.out.other",
)
third = App()
