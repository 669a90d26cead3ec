from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ProcessorStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.processor = lambda_.Function(self, "Processor", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
