from aws_cdk import CfnOutput, SecretValue, Stack
from aws_cdk.aws_cognito import UserPool
from constructs import Construct


class CognitoStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        pool = UserPool(self, "Pool")
        client = pool.add_client("App", generate_secret=True)
        CfnOutput(self, "ClientId", value=client.user_pool_client_id)
        CfnOutput(self, "ClientSecret", value=client.user_pool_client_secret.to_string())
        CfnOutput(self, "Token", value=SecretValue.unsafe_plain_text("abc").to_string())
        admin_password = "changeme"
        CfnOutput(self, "AdminPassword", value=admin_password)
        CfnOutput(self, "PasswordPolicyName", value="strict")
