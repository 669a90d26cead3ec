import aws_cdk.aws_lambda as lmb
from aws_cdk import Stack
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.functions = {
            "a": lmb.Function(self, "A", runtime=lmb.Runtime.PYTHON_3_12, handler="a.handler",
                              code=lmb.Code.from_asset("src")),
        }
