import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class SharedNetworkStack(cdk.Stack):
    """The VPC already outputs its id (through a local): only its subnet ids are added."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "Shared", nat_gateways=1)
        vpc_id = self.vpc.vpc_id
        cdk.CfnOutput(self, "SharedVpcId", value=vpc_id)
