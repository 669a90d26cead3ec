from aws_cdk import Stack
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        image = ec2.MachineImage.latest_amazon_linux2023()
        t = ec2.InstanceType("t3.micro")
        ec2.Instance(self, "Bastion", vpc=vpc, instance_type=t, machine_image=image)
        ec2.Instance(self, "Off", vpc=vpc, instance_type=t, machine_image=image, detailed_monitoring=False)
        ec2.Instance(self, "On", vpc=vpc, instance_type=t, machine_image=image, detailed_monitoring=True)
        asg = autoscaling.AutoScalingGroup(self, "Web", vpc=vpc, instance_type=t, machine_image=image)
        autoscaling.AutoScalingGroup(self, "Basic", vpc=vpc, instance_type=t, machine_image=image,
                                     instance_monitoring=autoscaling.Monitoring.BASIC)
        autoscaling.AutoScalingGroup(self, "Detailed", vpc=vpc, instance_type=t, machine_image=image,
                                     instance_monitoring=autoscaling.Monitoring.DETAILED)
