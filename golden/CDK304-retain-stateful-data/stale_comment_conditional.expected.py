# With an environment name, the fix does what the comments ask (RETAIN or SNAPSHOT in production,
# DESTROY elsewhere): the comments are stale and go with the change.
from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_ec2 as ec2, aws_rds as rds, aws_secretsmanager as secretsmanager
from constructs import Construct


class DatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, env_name: str = "dev", **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        secretsmanager.Secret(
            self,
            "ApiKey",
            removal_policy=RemovalPolicy.RETAIN if env_name == "prod" else RemovalPolicy.DESTROY,
        )
        rds.DatabaseInstance(
            self, "Db",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            removal_policy=RemovalPolicy.SNAPSHOT if env_name == "prod" else RemovalPolicy.DESTROY,
        )
        key_store = secretsmanager.Secret(self, "Keys")
        key_store.apply_removal_policy(
            RemovalPolicy.RETAIN if env_name == "prod" else RemovalPolicy.DESTROY
        )
