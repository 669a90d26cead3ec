import aws_cdk
import constructs


class NetworkStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        network_vpc = aws_cdk.aws_ec2.Vpc(self, "Network", ip_addresses=aws_cdk.aws_ec2.IpAddresses.cidr("10.0.0.0/16"))
        network_vpc.add_flow_log("FlowLog")
        aws_cdk.aws_ec2.CfnVPC(self, "L1", cidr_block="10.1.0.0/16")
