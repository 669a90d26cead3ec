from aws_cdk import RemovalPolicy, Size, Stack
from aws_cdk import aws_docdb as docdb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class DatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        rds.DatabaseInstance(
            self,
            "Db",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            removal_policy=RemovalPolicy.DESTROY,
        )
        rds.DatabaseCluster(
            self,
            "Cluster",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            writer=rds.ClusterInstance.serverless_v2("Writer"),
            vpc=vpc,
            removal_policy=RemovalPolicy.DESTROY,
        )
        docdb.DatabaseCluster(
            self,
            "Docs",
            master_user=docdb.Login(username="docadmin"),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.R5, ec2.InstanceSize.LARGE),
            vpc=vpc,
            removal_policy=RemovalPolicy.DESTROY,
        )
        ec2.Volume(
            self,
            "Scratch",
            availability_zone="us-east-1a",
            size=Size.gibibytes(20),
            removal_policy=RemovalPolicy.DESTROY,
        )
