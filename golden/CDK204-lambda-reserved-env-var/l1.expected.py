from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class L1Stack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.CfnFunction(
            self,
            "Raw",
            role="arn:aws:iam::123456789012:role/raw",
            code=lambda_.CfnFunction.CodeProperty(zip_file="def handler(e, c):\n    return 1"),
            handler="index.handler",
            runtime="python3.12",
            environment=lambda_.CfnFunction.EnvironmentProperty(
                variables={"TABLE": "items"}
            ),
        )
        lambda_.CfnFunction(
            self,
            "RawDict",
            role="arn:aws:iam::123456789012:role/raw",
            code=lambda_.CfnFunction.CodeProperty(zip_file="def handler(e, c):\n    return 1"),
            environment={"variables": {"TABLE": "items"}},
        )
