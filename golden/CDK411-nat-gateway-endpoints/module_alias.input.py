from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=1)
        ec2.Vpc(self, "Default")  # one NAT gateway per AZ by default
        ec2.Vpc(self, "NoNat", nat_gateways=0)
        ec2.Vpc(self, "Isolated", subnet_configuration=[
            ec2.SubnetConfiguration(name="public", subnet_type=ec2.SubnetType.PUBLIC),
            ec2.SubnetConfiguration(name="data", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
        ])
        egress = ec2.Vpc(self, "Egress", subnet_configuration=[
            ec2.SubnetConfiguration(name="public", subnet_type=ec2.SubnetType.PUBLIC),
            ec2.SubnetConfiguration(name="app", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
        ])
        egress.add_gateway_endpoint("S3", service=ec2.GatewayVpcEndpointAwsService.S3)
        ec2.Vpc(self, "NatInstances", nat_gateway_provider=ec2.NatProvider.instance_v2(
            instance_type=ec2.InstanceType("t4g.nano")))
        ec2.Vpc(self, "Configured", gateway_endpoints={"S3": ec2.GatewayVpcEndpointOptions(
            service=ec2.GatewayVpcEndpointAwsService.S3)})
