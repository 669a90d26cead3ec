import aws_cdk
import aws_cdk.aws_ec2 as ec2
from aws_cdk.aws_ecs import Cluster
from constructs import Construct


class NetworkStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", ip_addresses=ec2.IpAddresses.cidr("10.10.0.0/16"), max_azs=2)
        Cluster(
            self, "Cluster", vpc=vpc, container_insights_v2=aws_cdk.aws_ecs.ContainerInsights.ENABLED
        )
        aws_cdk.aws_ecr.Repository(
            self,
            "Images",
            removal_policy=aws_cdk.RemovalPolicy.DESTROY,
            empty_on_delete=True,
        )


def add_vpc(stack: aws_cdk.Stack) -> None:
    from aws_cdk import aws_ec2 as ec2_local

    ec2_local.Vpc(stack, "Other", ip_addresses=ec2.IpAddresses.cidr("10.20.0.0/16"))
