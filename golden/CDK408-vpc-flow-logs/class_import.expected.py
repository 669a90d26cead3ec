from aws_cdk import Stack
from aws_cdk.aws_ec2 import CfnFlowLog, CfnVPC, FlowLog, Vpc
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = Vpc(self, "Vpc")
        vpc.add_flow_log("FlowLog2")
        FlowLog(self, "FlowLog", resource_type=None)  # an id the fix would take is used already
        l1 = CfnVPC(self, "L1", cidr_block="10.1.0.0/16")
        CfnFlowLog(self, "L1FlowLog", resource_id=l1.ref, resource_type="VPC", traffic_type="ALL",
                   log_group_name="/vpc/l1", deliver_logs_permission_arn="arn:aws:iam::123456789012:role/flow")
