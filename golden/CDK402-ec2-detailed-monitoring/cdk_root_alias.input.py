import aws_cdk as cdk
from constructs import Construct


class WebStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.fleet = cdk.aws_autoscaling.AutoScalingGroup(
            self, "Fleet", vpc=vpc, instance_type=cdk.aws_ec2.InstanceType("t3.small"),
            machine_image=cdk.aws_ec2.MachineImage.latest_amazon_linux2023(),
        )
