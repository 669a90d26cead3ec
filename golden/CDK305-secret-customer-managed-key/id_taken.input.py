from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class TakenStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        api_secret_key = "not a key"
        s3.Bucket(self, "ApiSecretKey")
        secretsmanager.Secret(self, "ApiSecret", description=api_secret_key)
