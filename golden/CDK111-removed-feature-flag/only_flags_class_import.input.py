from aws_cdk import App, Stack
from aws_cdk.aws_secretsmanager import Secret

app = App(context={"@aws-cdk/aws-secretsmanager:parseOwnedSecretName": True, "aws-cdk:enableDiffNoFail": "true"})
stack = Stack(app, "SecretsStack")
Secret(stack, "ApiKey")
app.synth()

other = App(
    context={
        "@aws-cdk/core:enableStackNameDuplicates": True,
    },
    outdir="cdk.out.other",
)
third = App(
    context={
        "@aws-cdk/core:enableStackNameDuplicates": True,
    }
)
