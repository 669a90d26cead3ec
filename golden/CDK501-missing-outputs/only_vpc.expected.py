from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_s3 as s3
from aws_cdk import CfnOutput
from aws_cdk import Fn
from constructs import Construct


class NetStack(Stack):
    """resources = ["vpc", "subnet"]: buckets are left alone."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", nat_gateways=0, subnet_configuration=[
            ec2.SubnetConfiguration(name="Isolated", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED)])
        CfnOutput(self, "VpcId", value=vpc.vpc_id)
        CfnOutput(
            self,
            "VpcIsolatedSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in vpc.isolated_subnets]),
        )
        s3.Bucket(self, "Data")
