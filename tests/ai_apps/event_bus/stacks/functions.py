"""Small factory for the consumer Lambdas so every function gets the same defaults."""
from aws_cdk import Duration
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct


def make_consumer(scope: Construct, name: str, body: str) -> lambda_.Function:
    log_group = logs.LogGroup(scope, f"{name}Logs", retention=logs.RetentionDays(7))
    return lambda_.Function(
        scope,
        name,
        runtime=lambda_.Runtime.PYTHON_3_12,
        handler="index.handler",
        code=lambda_.Code.from_inline(
            "import json\n\n"
            "def handler(event, context):\n"
            f"    {body}\n"
        ),
        timeout=Duration.seconds(15),
        log_group=log_group,
    )
