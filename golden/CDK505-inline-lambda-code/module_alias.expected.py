from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
import os
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
            code=lambda_.Code.from_asset(os.path.join(os.path.dirname(__file__), "lambda", "orders_handler")),
        )
        lambda_.Function(
            self,
            "Ping",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return 'pong'\n"),
        )
