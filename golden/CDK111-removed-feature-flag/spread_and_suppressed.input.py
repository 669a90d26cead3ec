import aws_cdk as cdk

BASE = {"environment": "prod"}

app = cdk.App(context={**BASE, "@aws-cdk/core:enableStackNameDuplicates": True})
legacy = cdk.App(
    context={"@aws-cdk/aws-kms:defaultKeyPolicies": True},  # remediator: ignore[CDK111]
)
cdk.Stack(app, "ProdStack")
app.synth()
