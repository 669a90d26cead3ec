from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ApiStack(Stack):
    """Python code in implicitly concatenated literals moves to lambda/orders_handler/index.py."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        handler = lambda_.Function(
            self,
            "OrdersHandler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(
                "import json\n"
                "import os\n"
                "\n"
                "def handler(event, context):\n"
                "    return {'statusCode': 200, 'body': json.dumps({'table': os.environ['TABLE']})}\n"
            ),
        )
        lambda_.Function(
            self,
            "Ping",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return 'pong'\n"),
        )
