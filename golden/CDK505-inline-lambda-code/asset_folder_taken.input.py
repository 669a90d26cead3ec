from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class MixedStack(Stack):
    """The stack already bundles the folder `lambda`: a new folder inside it would join that asset."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "FromAsset",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=lambda_.Code.from_asset("./lambda"),
        )
        lambda_.Function(
            self,
            "Inline",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("import os\n\ndef handler(event, context):\n    print(event)\n    return dict(os.environ)\n"),
        )
