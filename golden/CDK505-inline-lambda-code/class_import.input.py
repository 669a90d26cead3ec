import textwrap

from aws_cdk import Stack
from aws_cdk.aws_lambda import Code, Function, Runtime
from constructs import Construct


class VariableStack(Stack):
    """Code held in a variable read only here moves and the variable goes; dedent() is applied."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        inline_code = """
import time

def handler(event, context):
    time.sleep(1)
    return {"statusCode": 200}
"""
        Function(self, "Sleeper", runtime=Runtime.PYTHON_3_12, handler="index.handler", code=Code.from_inline(inline_code))
        Function(
            self,
            "Dedented",
            runtime=Runtime.PYTHON_3_12,
            handler="index.handler",
            code=Code.from_inline(textwrap.dedent("""
                import json

                def handler(event, context):
                    print(event)
                    return json.dumps(event)
            """)),
        )
