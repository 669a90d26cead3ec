# One deprecated expression, one finding (at its outermost deprecated part).
from aws_cdk import Duration, Stack
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        asg = autoscaling.AutoScalingGroup(
            self, "Asg", vpc=vpc,
            instance_type=ec2.InstanceType("t3.micro"),
            machine_image=ec2.MachineImage.latest_amazon_linux2023(),
            health_check=autoscaling.HealthCheck.elb(grace=Duration.minutes(5)),
        )
        asg.scale_on_cpu_utilization("Cpu", target_utilization_percent=70)
