from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(self, "Text", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                         code=lambda_.Code.from_asset("lambda"),
                         logging_format=lambda_.LoggingFormat.JSON)
