from aws_cdk import Stack
from constructs import Construct


class LazyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        from aws_cdk import CfnOutput as Output
        from aws_cdk import aws_secretsmanager as sm

        password = sm.Secret(self, "Password")
        Output(self, "PasswordValue", value=password.secret_value.unsafe_unwrap())
