import aws_cdk as cdk
from constructs import Construct


class NetworkStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Two AZs, public + private subnets, a single NAT gateway to keep costs down
        self.vpc = cdk.aws_ec2.Vpc(
            self,
            "WebVpc",
            cidr="10.20.0.0/16",
            max_azs=2,
            nat_gateways=1,
            subnet_configuration=[
                cdk.aws_ec2.SubnetConfiguration(name="public", subnet_type=cdk.aws_ec2.SubnetType.PUBLIC, cidr_mask=24),
                cdk.aws_ec2.SubnetConfiguration(
                    name="private", subnet_type=cdk.aws_ec2.SubnetType.PRIVATE_WITH_EGRESS, cidr_mask=24
                ),
            ],
        )
