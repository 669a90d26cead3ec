from aws_cdk import Stack
from constructs import Construct


def bastion(scope: Construct, vpc, **props):
    from aws_cdk.aws_ec2 import Instance, InstanceType, MachineImage

    Instance(scope, "Bastion", vpc=vpc, instance_type=InstanceType("t3.nano"),
             machine_image=MachineImage.latest_amazon_linux2023(),
             detailed_monitoring=True)
    Instance(scope, "Spread", vpc=vpc, **props)


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        bastion(self, vpc)
