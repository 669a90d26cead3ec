from aws_cdk import Stack
from aws_cdk.aws_autoscaling import AutoScalingGroup, Monitoring
from aws_cdk.aws_ec2 import Instance, InstanceType, LaunchTemplate, MachineImage
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, monitoring: Monitoring, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        image = MachineImage.latest_amazon_linux2023()
        Instance(self, "Vm", vpc=vpc, instance_type=InstanceType("t3.micro"), machine_image=image)
        # computed by the caller: left alone
        AutoScalingGroup(self, "Chosen", vpc=vpc, instance_type=InstanceType("t3.micro"), machine_image=image,
                         instance_monitoring=monitoring)
        template = LaunchTemplate(self, "Template", machine_image=image, detailed_monitoring=False)
        AutoScalingGroup(self, "Templated", vpc=vpc, launch_template=template)
