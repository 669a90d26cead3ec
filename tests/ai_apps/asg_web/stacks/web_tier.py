import aws_cdk as cdk
import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_autoscaling as autoscaling
import aws_cdk.aws_elbv2 as elbv2
import aws_cdk.aws_iam as iam
from constructs import Construct

from stacks.user_data import nginx_user_data


class WebTierStack(cdk.Stack):
    """Classic three-tier web layer: internet-facing ALB in front of an Auto Scaling group of nginx instances."""

    def __init__(self, scope: Construct, construct_id: str, *, region: str, instance_type: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.region = region

        vpc = ec2.Vpc(self, "WebVpc", max_azs=2, nat_gateways=1)

        role = iam.Role(
            self,
            "InstanceRole",
            assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("AmazonSSMManagedInstanceCore")],
        )

        user_data = ec2.UserData.for_linux()
        user_data.add_commands(*nginx_user_data())

        asg = autoscaling.AutoScalingGroup(
            self,
            "WebAsg",
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            instance_type=ec2.InstanceType(instance_type),
            machine_image=ec2.MachineImage.latest_amazon_linux2023(),
            role=role,
            user_data=user_data,
            min_capacity=2,
            max_capacity=6,
            desired_capacity=2,
            health_check=autoscaling.HealthCheck.elb(grace=cdk.Duration.minutes(5)),
            require_imdsv2=True,
            block_devices=[
                autoscaling.BlockDevice(
                    device_name="/dev/xvda",
                    volume=autoscaling.BlockDeviceVolume.ebs(20, encrypted=True),
                )
            ],
        )
        asg.scale_on_cpu_utilization("CpuTarget", target_utilization_percent=50)

        alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
        listener = alb.add_listener("Http", port=80, open=True)
        listener.add_targets(
            "WebFleet",
            port=80,
            targets=[asg],
            health_check=elbv2.HealthCheck(path="/", healthy_http_codes="200"),
            deregistration_delay=cdk.Duration.seconds(30),
        )

        cdk.CfnOutput(self, "AlbDnsName", value=alb.load_balancer_dns_name)
