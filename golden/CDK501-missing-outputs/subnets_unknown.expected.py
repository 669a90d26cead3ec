from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class UnknownSubnetsStack(Stack):
    """Subnet groups the code does not tell: the VPC id is output, the subnets reported."""

    def __init__(self, scope: Construct, construct_id: str, subnets: list, nat: int, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        shared_vpc = ec2.Vpc(self, "Shared", subnet_configuration=subnets)
        CfnOutput(self, "SharedVpcId", value=shared_vpc.vpc_id)
        egress = ec2.Vpc(self, "Egress", nat_gateways=nat)
        CfnOutput(self, "EgressVpcId", value=egress.vpc_id)
