import aws_cdk.aws_lambda as lambda_
from aws_cdk import Stack
from constructs import Construct


class WorkerStack(Stack):
    """`import aws_cdk.aws_lambda as lambda_`, a SingletonFunction, and an import inside the method."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        from aws_cdk.aws_lambda import InlineCode, Runtime

        lambda_.SingletonFunction(
            self,
            "Cleanup",
            uuid="3f6d1c1e-8b7a-4a55-9d37-4c2f1f0b6a11",
            runtime=Runtime.PYTHON_3_12,
            handler="index.handler",
            code=InlineCode.from_inline(
                "import boto3\n"
                "\n"
                "def handler(event, context):\n"
                "    boto3.client('s3').list_buckets()\n"
                "    return event\n"
            ),
        )
