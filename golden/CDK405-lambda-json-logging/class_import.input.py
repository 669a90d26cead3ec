from aws_cdk import Stack
from aws_cdk.aws_lambda import Code, Function, LogFormat, Runtime
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Function(self, "Handler", runtime=Runtime.PYTHON_3_12, handler="index.handler", code=Code.from_asset("src"),
                 log_format=LogFormat.JSON)
