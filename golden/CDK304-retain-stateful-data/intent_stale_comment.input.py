# Comments that ask for RETAIN in production state the DESTROY is the non-production value: reported.
from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_ec2 as ec2, aws_rds as rds, aws_secretsmanager as secretsmanager
from constructs import Construct


class DatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        secretsmanager.Secret(self, "ApiKey",
                              removal_policy=RemovalPolicy.DESTROY,  # change to RETAIN for production
                              )
        rds.DatabaseInstance(
            self, "Db",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            # TODO: use SNAPSHOT (or RETAIN) in production
            removal_policy=RemovalPolicy.DESTROY,
        )
