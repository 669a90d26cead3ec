from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class SecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        api_secret = secretsmanager.Secret(self, "ApiSecret")
        secretsmanager.Secret(self, "Unbound", description="bound to nothing")
