from aws_cdk import App, Stack, RemovalPolicy
from aws_cdk import aws_ec2 as ec2, aws_iam as iam, aws_logs as logs
from constructs import Construct


class NetworkBaselineStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "CoreVpc", max_azs=2, nat_gateways=2)

        flow_log_group = logs.LogGroup(self, "FlowLogs", retention=logs.RetentionDays.ONE_YEAR,
                                       removal_policy=RemovalPolicy.DESTROY)
        flow_role = iam.Role(
            self, "FlowLogRole",
            assumed_by=iam.ServicePrincipal("vpc-flow-logs.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("service-role/VPCFlowLogsDeliveryRolePolicy"),
            ],
        )
        ec2.FlowLog(
            self, "VpcFlowLog",
            resource_type=ec2.FlowLogResourceType.from_vpc(vpc),
            destination=ec2.FlowLogDestination.to_cloud_watch_logs(flow_log_group, flow_role),
        )

        bastion_sg = ec2.SecurityGroup(self, "BastionSg", vpc=vpc, allow_all_outbound=True)
        bastion_sg.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(22), "ssh from anywhere")

        ec2.Instance(
            self, "Bastion",
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
            machine_image=ec2.MachineImage.latest_amazon_linux2023(),
            security_group=bastion_sg,
        )

        isolated = ec2.Vpc(self, "IsolatedVpc", nat_gateways=0,
                           subnet_configuration=[ec2.SubnetConfiguration(
                               name="isolated", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED)])
        isolated.add_flow_log("IsolatedFlowLog")


app = App()
NetworkBaselineStack(app, "NetworkBaseline")
app.synth()
