import aws_cdk.aws_ec2 as compute
from aws_cdk import Stack
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        compute.Instance(self, "Vm", vpc=vpc, instance_type=compute.InstanceType("t3.micro"),
                         machine_image=compute.MachineImage.latest_amazon_linux2023(),
                         detailed_monitoring=True)
