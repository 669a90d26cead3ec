from aws_cdk import App, Stack, RemovalPolicy, Size
import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_efs as efs
import aws_cdk.aws_autoscaling as autoscaling
from constructs import Construct


class RenderFarmStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "FarmVpc", max_azs=2, nat_gateways=1)

        shared = efs.FileSystem(
            self, "SharedAssets",
            vpc=vpc,
            encrypted=True,
            performance_mode=efs.PerformanceMode.MAX_IO,
            lifecycle_policy=efs.LifecyclePolicy.AFTER_30_DAYS,
            removal_policy=RemovalPolicy.DESTROY,
        )

        template = ec2.LaunchTemplate(
            self, "NodeTemplate",
            instance_type=ec2.InstanceType("c6i.2xlarge"),
            machine_image=ec2.MachineImage.latest_amazon_linux2023(),
            block_devices=[ec2.BlockDevice(device_name="/dev/xvda",
                                           volume=ec2.BlockDeviceVolume.ebs(100, encrypted=True))],
        )
        nodes = autoscaling.AutoScalingGroup(self, "RenderNodes", vpc=vpc, launch_template=template,
                                             min_capacity=0, max_capacity=20)
        shared.connections.allow_default_port_from(nodes)

        ec2.Volume(self, "Scratch", availability_zone=vpc.availability_zones[0], size=Size.gibibytes(500),
                   removal_policy=RemovalPolicy.DESTROY)


app = App()
RenderFarmStack(app, "RenderFarm")
app.synth()
