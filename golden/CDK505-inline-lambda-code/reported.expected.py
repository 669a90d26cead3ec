from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ReportedStack(Stack):
    """Each of these is reported, not moved."""

    def __init__(self, scope: Construct, construct_id: str, table: str, runtime, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Formatted",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(
                f"TABLE = '{table}'\n"
                "\n"
                "def handler(event, context):\n"
                "    print(event)\n"
                "    return TABLE\n"
            ),
        )
        lambda_.Function(
            self,
            "CustomResource",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(
                "import cfnresponse\n"
                "\n"
                "def handler(event, context):\n"
                "    print(event)\n"
                "    cfnresponse.send(event, context, cfnresponse.SUCCESS, {})\n"
            ),
        )
        lambda_.Function(
            self,
            "AnyRuntime",
            runtime=runtime,
            handler="index.handler",
            code=lambda_.Code.from_inline("import os\n\ndef handler(event, context):\n    print(event)\n    return dict(os.environ)\n"),
        )
        lambda_.Function(
            self,
            "OtherHandler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="main.handler",
            code=lambda_.Code.from_inline("import os\n\ndef handler(event, context):\n    print(event)\n    return dict(os.environ)\n"),
        )
        lambda_.Function(
            self,
            "Broken",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("import os\n\ndef handler(event, context)\n    print(event)\n    return dict(os.environ)\n"),
        )
        shared = lambda_.Code.from_inline("import os\n\ndef handler(event, context):\n    print(event)\n    return dict(os.environ)\n")
