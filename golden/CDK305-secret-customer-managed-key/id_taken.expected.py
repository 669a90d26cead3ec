from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_kms as kms
from constructs import Construct


class TakenStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        api_secret_key = "not a key"
        s3.Bucket(self, "ApiSecretKey")
        api_secret_key_2 = kms.Key(self, "ApiSecretKey2", enable_key_rotation=True)
        secretsmanager.Secret(
            self,
            "ApiSecret",
            description=api_secret_key,
            encryption_key=api_secret_key_2,
        )
