from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cidr = self.node.try_get_context("vpc_cidr") or "10.0.0.0/16"
        ec2.Vpc(self, "Vpc", ip_addresses=ec2.IpAddresses.cidr(cidr))
        env = self.node.try_get_context("env")
        ec2.Vpc(self, "Other", vpc_name=f"other-{env}")
