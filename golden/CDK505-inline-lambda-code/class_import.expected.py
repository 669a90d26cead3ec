import textwrap

from aws_cdk import Stack
from aws_cdk.aws_lambda import Code, Function, Runtime
import os
from constructs import Construct


class VariableStack(Stack):
    """Code held in a variable read only here moves and the variable goes; dedent() is applied."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Function(
            self,
            "Sleeper",
            runtime=Runtime.PYTHON_3_12,
            handler="index.handler",
            code=Code.from_asset(os.path.join(os.path.dirname(__file__), "lambda", "sleeper")),
        )
        Function(
            self,
            "Dedented",
            runtime=Runtime.PYTHON_3_12,
            handler="index.handler",
            code=Code.from_asset(os.path.join(os.path.dirname(__file__), "lambda", "dedented")),
        )
