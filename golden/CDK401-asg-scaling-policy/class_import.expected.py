from aws_cdk import Stack
from aws_cdk.aws_autoscaling import AutoScalingGroup, CfnScalingPolicy, TargetTrackingScalingPolicy
from aws_cdk.aws_ec2 import InstanceType, MachineImage
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        props = dict(vpc=vpc, instance_type=InstanceType("t3.micro"), machine_image=MachineImage.latest_amazon_linux2023())
        tracked = AutoScalingGroup(self, "Tracked", max_capacity=5, **props)
        TargetTrackingScalingPolicy(self, "TrackedPolicy", auto_scaling_group=tracked, target_value=50)
        l1_scaled = AutoScalingGroup(self, "L1Scaled", vpc=vpc, instance_type=InstanceType("t3.micro"),
                                     machine_image=MachineImage.latest_amazon_linux2023(), max_capacity=5)
        CfnScalingPolicy(self, "L1Policy", auto_scaling_group_name=l1_scaled.auto_scaling_group_name,
                         policy_type="SimpleScaling", adjustment_type="ChangeInCapacity", scaling_adjustment=1)
        spread = AutoScalingGroup(self, "Spread", **props)  # **kwargs: max_capacity may be in there
        plain = AutoScalingGroup(self, "Plain", vpc=vpc, instance_type=InstanceType("t3.micro"),
                                 machine_image=MachineImage.latest_amazon_linux2023(), max_capacity=5)
        plain.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)
