from aws_cdk import Stack
from constructs import Construct


def build_fleet(scope: Construct, vpc, size: int):
    from aws_cdk import aws_autoscaling as as_
    from aws_cdk import aws_ec2 as ec2_

    fleet = as_.AutoScalingGroup(scope, "Fleet", vpc=vpc, instance_type=ec2_.InstanceType("t3.micro"),
                                 machine_image=ec2_.MachineImage.latest_amazon_linux2023(), max_capacity=size)
    return fleet


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        build_fleet(self, vpc, 4)
