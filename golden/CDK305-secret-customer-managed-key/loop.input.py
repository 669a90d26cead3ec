from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class TenantsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, tenants: list) -> None:
        super().__init__(scope, construct_id)
        for tenant in tenants:
            secretsmanager.Secret(self, f"{tenant}Secret")
        secrets = [secretsmanager.Secret(self, name) for name in tenants]
