from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ShortStack(Stack):
    """Short inline code, and code read from a file, stay."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Short",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
        )
        with open("handler.py", encoding="utf8") as fh:
            handler_code = fh.read()
        lambda_.Function(
            self,
            "FromFile",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.InlineCode(handler_code),
        )
