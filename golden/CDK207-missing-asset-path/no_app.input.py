from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class NoAppStack(Stack):
    """Without cdk.json and without the file's location, only absolute paths can be checked."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Code.from_asset("lambda")
        lambda_.Code.from_asset("/home/ada/projects/app/lambda")
