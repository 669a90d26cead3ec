from aws_cdk import Stack
from aws_cdk.aws_ec2 import NatProvider, Vpc
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = Vpc(self, "Vpc", nat_gateway_provider=NatProvider.gateway())
