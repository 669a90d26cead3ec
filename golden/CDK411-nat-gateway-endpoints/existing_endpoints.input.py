from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, count: int, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", nat_gateways=1)
        ec2.GatewayVpcEndpoint(self, "Dynamo", vpc=vpc, service=ec2.GatewayVpcEndpointAwsService.DYNAMODB)
        vpc.add_interface_endpoint("S3Interface", service=ec2.InterfaceVpcEndpointAwsService.S3)
        # how many NAT gateways is up to the caller: left alone
        ec2.Vpc(self, "Computed", nat_gateways=count)
