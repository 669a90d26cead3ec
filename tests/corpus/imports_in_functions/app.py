"""Lazy imports inside builder functions (keeps `cdk ls` fast, a pattern from a real repo)."""
import aws_cdk as cdk
from constructs import Construct


def add_storage(stack: cdk.Stack) -> None:
    from aws_cdk import aws_s3 as s3
    from aws_cdk import aws_kms as kms

    key = kms.Key(stack, "StorageKey")
    s3.Bucket(stack, "Storage", encryption_key=key, removal_policy=cdk.RemovalPolicy.DESTROY)


def add_compute(stack: cdk.Stack) -> None:
    import aws_cdk.aws_lambda as _lambda

    _lambda.Function(
        stack,
        "Compute",
        runtime=_lambda.Runtime.PYTHON_3_12,
        handler="main.handler",
        code=_lambda.Code.from_inline("def handler(event, context):\n    return {'ok': True}\n"),
    )


class LazyStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        add_storage(self)
        add_compute(self)


app = cdk.App()
LazyStack(app, "Lazy")
app.synth()
