import aws_cdk.aws_autoscaling as asg_lib
import aws_cdk.aws_ec2 as ec2
from aws_cdk import Stack
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        group = asg_lib.AutoScalingGroup(self, "Group", vpc=vpc, instance_type=ec2.InstanceType("t3.micro"),
                                         machine_image=ec2.MachineImage.latest_amazon_linux2023(), max_capacity=3)
        group.scale_on_cpu_utilization("CpuScaling2", target_utilization_percent=70)
        # an existing construct already uses the id the fix would take
        ec2.SecurityGroup(self, "CpuScaling", vpc=vpc)
