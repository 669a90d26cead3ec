from aws_cdk import Stack
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        template = ec2.LaunchTemplate(
            self,
            "WebTemplate",
            instance_type=ec2.InstanceType("t3.micro"),
            machine_image=ec2.MachineImage.latest_amazon_linux2023(),
        )
        # with a launch template, monitoring comes from the template (instance_monitoring here fails synth)
        autoscaling.AutoScalingGroup(self, "Web", vpc=vpc, launch_template=template)
        spot = ec2.LaunchTemplate(self, "SpotTemplate", instance_type=ec2.InstanceType("t3.micro"))
        autoscaling.AutoScalingGroup(
            self,
            "Spot",
            vpc=vpc,
            mixed_instances_policy=autoscaling.MixedInstancesPolicy(launch_template=spot),
        )
        # a template no Auto Scaling group of this file uses: left alone
        ec2.LaunchTemplate(self, "Unused", instance_type=ec2.InstanceType("t3.micro"))
