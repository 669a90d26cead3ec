import os

import aws_cdk as cdk
from constructs import Construct


class NodeStack(cdk.Stack):
    """Node.js code goes to index.js; `import os` is there already; two functions named alike."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.aws_lambda.Function(
            self,
            "Greeter",
            runtime=cdk.aws_lambda.Runtime.NODEJS_20_X,
            handler="index.handler",
            code=cdk.aws_lambda.Code.from_asset(os.path.join(os.path.dirname(__file__), "lambda", "greeter")),
        )
        cdk.aws_lambda.Function(
            self,
            "greeter",
            runtime=cdk.aws_lambda.Runtime.PYTHON_3_12,
            handler="index.main",
            code=cdk.aws_lambda.Code.from_asset(os.path.join(os.path.dirname(__file__), "lambda", "greeter_2")),
        )
