import aws_cdk.aws_lambda as lmb
from aws_cdk import Stack
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lmb.Function(self, "Handler", runtime=lmb.Runtime.PYTHON_3_12, handler="index.handler",
                     code=lmb.Code.from_asset("src"))
        lmb.Function(self, "FromProps", **props)
