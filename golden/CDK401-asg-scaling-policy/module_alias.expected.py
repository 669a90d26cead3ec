from aws_cdk import Stack
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        image = ec2.MachineImage.latest_amazon_linux2023()
        asg = autoscaling.AutoScalingGroup(
            self,
            "WebAsg",
            vpc=vpc,
            instance_type=ec2.InstanceType("t3.micro"),
            machine_image=image,
            min_capacity=2,
            max_capacity=6,
        )
        asg.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)
        # fixed size: max_capacity not set (it defaults to min/desired), nothing to scale
        autoscaling.AutoScalingGroup(self, "Bastion", vpc=vpc, instance_type=ec2.InstanceType("t3.nano"),
                                     machine_image=image)
        # fixed size: max not above min
        autoscaling.AutoScalingGroup(self, "Pinned", vpc=vpc, instance_type=ec2.InstanceType("t3.nano"),
                                     machine_image=image, min_capacity=3, max_capacity=3)
