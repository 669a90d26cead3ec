from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.app_sg = self._app_security_group()
        self.db_sg = self._db_security_group()

    def _app_security_group(self) -> ec2.SecurityGroup:
        sg = ec2.SecurityGroup(self, "AppSg", vpc=self.vpc)
        sg.add_egress_rule(self.db_sg, ec2.Port.tcp(5432))
        return sg

    def _db_security_group(self) -> ec2.SecurityGroup:
        sg = ec2.SecurityGroup(self, "DbSg", vpc=self.vpc)
        sg.add_ingress_rule(self.app_sg, ec2.Port.tcp(5432))
        return sg

    @property
    def vpc(self) -> ec2.IVpc:
        return ec2.Vpc.from_lookup(self, "Vpc", is_default=True)
