from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        self._flow_logs(self.vpc)

    def _flow_logs(self, vpc: ec2.IVpc) -> None:
        # a flow log for a VPC this file cannot follow: it may be the one above
        ec2.FlowLog(self, "FlowLog", resource_type=ec2.FlowLogResourceType.from_vpc(vpc))
