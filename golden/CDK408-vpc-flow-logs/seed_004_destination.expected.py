from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        # delivers to CloudWatch Logs (the default) without a log group or a role: the deploy fails
        ec2.CfnFlowLog(self, "FlowLog", resource_id=vpc.vpc_id, resource_type="VPC", traffic_type="ALL")
        ec2.CfnFlowLog(self, "ToS3", resource_id=vpc.vpc_id, resource_type="VPC", traffic_type="ALL",
                       log_destination_type="s3", log_destination="arn:aws:s3:::flow-logs")
        ec2.CfnFlowLog(self, "NoRole", resource_id=vpc.vpc_id, resource_type="VPC", traffic_type="REJECT",
                       log_group_name="/vpc/flow")
