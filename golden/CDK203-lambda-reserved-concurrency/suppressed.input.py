from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class SuppressedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_inline("x = 1")
        lambda_.Function(
            self,
            "Guarded",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=code,
            reserved_concurrent_executions=50,  # remediator: ignore[CDK203] -- checkov CKV_AWS_115
        )
