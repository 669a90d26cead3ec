import os

from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

HERE = os.path.dirname(__file__)


class UnchangedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, code_dir: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Code.from_asset(code_dir)
        lambda_.Code.from_asset(os.path.join(code_dir, "handler"))
        lambda_.Code.from_asset(f"assets/{code_dir}")
        lambda_.Code.from_inline("def handler(event, context):\n    return event\n")
        # __file__-based paths are checked beside the file: unknown here (golden cases have no path)
        lambda_.Code.from_asset(os.path.join(HERE, "nowhere"))
        lambda_.Code.from_asset("assets/lambda/api")  # remediator: ignore[CDK207]
        lambda_.Code.from_asset("assets/lambda/suppressed")  # remediator: ignore[CDK207]
