from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class JobsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env = {"QUEUE": "jobs"}
        env["STAGE"] = "prod"
        lambda_.Function(
            self,
            "Jobs",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
            environment=env,
        )
