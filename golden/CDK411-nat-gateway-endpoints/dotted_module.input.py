import aws_cdk.aws_ec2 as net
from aws_cdk import Stack
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = net.Vpc(self, "Vpc", nat_gateways=1)
