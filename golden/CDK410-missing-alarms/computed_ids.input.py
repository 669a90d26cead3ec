from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # one function per name: each alarm's id follows its function's id, so they never collide
        for name in ("Ingest", "Export"):
            fn = lambda_.Function(self, name, runtime=lambda_.Runtime.PYTHON_3_12, handler=f"{name}.handler",
                                  code=lambda_.Code.from_asset("src"))
        for i in range(2):
            lambda_.Function(self, f"Worker{i}", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                             code=lambda_.Code.from_asset("src"))
