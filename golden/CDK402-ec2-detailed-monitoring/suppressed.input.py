from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        t = ec2.InstanceType("t3.micro")
        image = ec2.MachineImage.latest_amazon_linux2023()
        ec2.Instance(self, "Cheap", vpc=vpc, instance_type=t, machine_image=image)  # remediator: ignore[CDK402]
        # remediator: ignore[ec2-detailed-monitoring]
        ec2.Instance(self, "CheapToo", vpc=vpc, instance_type=t, machine_image=image)
