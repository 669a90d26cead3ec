from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class KeptStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Kept",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            # remediator: ignore[CDK505]
            code=lambda_.Code.from_inline("import os\n\ndef handler(event, context):\n    print(event)\n    return dict(os.environ)\n"),
        )
