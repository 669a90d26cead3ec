from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class SuppressedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        secretsmanager.Secret(self, "Legacy")  # remediator: ignore[CDK305]
        secretsmanager.Secret(self, "New")
