from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class DatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        self.bastion = ec2.BastionHostLinux(self, "Bastion", vpc=self.vpc, security_group=self.db_sg)
        self.vpc.add_gateway_endpoint("S3", service=ec2.GatewayVpcEndpointAwsService.S3)
        self.db_sg = ec2.SecurityGroup(self, "DbSg", vpc=self.vpc)
        self.db = rds.DatabaseInstance(
            self,
            "Db",
            engine=rds.DatabaseInstanceEngine.POSTGRES,
            vpc=self.vpc,
            security_groups=[self.db_sg],
            port=self.db_port,
        )
        self.node.set_context("db_port", "5432")
        self.db_port = int(self.node.try_get_context("db_port"))


class EndpointsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        self.bastion = ec2.BastionHostLinux(self, "Bastion", vpc=vpc, security_group=self.sg)
        self._add_endpoints(vpc)
        self.sg = ec2.SecurityGroup(self, "Sg", vpc=vpc)

    def _add_endpoints(self, vpc: ec2.Vpc) -> None:
        vpc.add_gateway_endpoint("S3", service=ec2.GatewayVpcEndpointAwsService.S3)
