import aws_cdk.aws_ec2 as network
from aws_cdk import Stack
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = network.Vpc(self, "Vpc", nat_gateways=0)
        network.Vpc(self, "Spread", **props)
