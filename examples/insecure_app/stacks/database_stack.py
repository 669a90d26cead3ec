import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_rds as rds
from aws_cdk import RemovalPolicy, Stack
from aws_cdk.aws_kms import Key
from constructs import Construct


class DatabaseStack(Stack):
    """PostgreSQL for order history, in isolated subnets, encrypted with its own key."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(
            self,
            "Vpc",
            max_azs=2,
            nat_gateways=0,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="db", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=24),
            ],
        )

        storage_key = Key(self, "StorageKey", description="Order history storage")

        self.database = rds.DatabaseInstance(
            self,
            "History",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            storage_encrypted=True,
            storage_encryption_key=storage_key,
            removal_policy=RemovalPolicy.DESTROY,
        )
