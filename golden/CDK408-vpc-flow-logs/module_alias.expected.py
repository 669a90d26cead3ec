from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_logs as logs
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        vpc.add_flow_log("FlowLog")
        unbound_vpc = ec2.Vpc(self, "Unbound", max_azs=2)
        unbound_vpc.add_flow_log("FlowLog2")
        with_option = ec2.Vpc(self, "WithOption", flow_logs={"All": ec2.FlowLogOptions()})
        with_method = ec2.Vpc(self, "WithMethod")
        with_method.add_flow_log("Flow")
        with_construct = ec2.Vpc(self, "WithConstruct")
        ec2.FlowLog(
            self,
            "ConstructFlowLog",
            resource_type=ec2.FlowLogResourceType.from_vpc(with_construct),
            destination=ec2.FlowLogDestination.to_cloud_watch_logs(logs.LogGroup(self, "FlowLogs")),
        )
