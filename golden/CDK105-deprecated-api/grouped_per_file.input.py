from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class FunctionsStack(Stack):
    """A deprecated member that does not stop synth is one finding per file, with its count."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        for name in ("a", "b"):
            lambda_.Function(self, name, runtime=lambda_.Runtime.PYTHON_3_8, handler="index.handler",
                             code=lambda_.Code.from_asset("src"))
        lambda_.Function(self, "c", runtime=lambda_.Runtime.PYTHON_3_8, handler="index.handler",
                         code=lambda_.Code.from_asset("src"))
        lambda_.Function(self, "d", runtime=lambda_.Runtime.PYTHON_3_8, handler="index.handler",
                         code=lambda_.Code.from_asset("src"))
