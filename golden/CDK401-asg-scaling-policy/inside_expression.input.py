from aws_cdk import Stack
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.fleets = [
            autoscaling.AutoScalingGroup(self, f"Fleet{i}", vpc=vpc, instance_type=ec2.InstanceType("t3.micro"),
                                         machine_image=ec2.MachineImage.latest_amazon_linux2023(), max_capacity=2)
            for i in range(2)
        ]
