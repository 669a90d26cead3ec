from aws_cdk import NestedStack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkNestedStack(NestedStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.vpc = ec2.Vpc(
            self,
            "Vpc",
            ip_addresses=ec2.IpAddresses.cidr("10.30.0.0/16"),
            max_azs=2,
            nat_gateways=1,
        )
        self.app_sg = ec2.SecurityGroup(self, "AppSg", vpc=self.vpc, description="App tier")
