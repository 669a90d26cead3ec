from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # partners allow-list our NAT's public IP for their buckets
        vpc = ec2.Vpc(self, "Vpc", nat_gateways=1)  # remediator: ignore[CDK411]
        lab = ec2.Vpc(self, "Lab", nat_gateways=1)  # remediator: ignore[nat-gateway-endpoints]
