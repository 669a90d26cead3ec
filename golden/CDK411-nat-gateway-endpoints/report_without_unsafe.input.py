from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # without --unsafe-fixes: found, not changed (the traffic would leave the NAT's public IP)
        vpc = ec2.Vpc(self, "Vpc", nat_gateways=1)
