from aws_cdk import Stack
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        image = ec2.MachineImage.latest_amazon_linux2023()
        t = ec2.InstanceType("t3.micro")
        legacy = autoscaling.AutoScalingGroup(  # remediator: ignore[CDK401]
            self, "Legacy", vpc=vpc, instance_type=t, machine_image=image, max_capacity=4
        )
        manual = autoscaling.AutoScalingGroup(self, "Manual", vpc=vpc, instance_type=t, machine_image=image,
                                              max_capacity=4)  # remediator: ignore[asg-scaling-policy]
