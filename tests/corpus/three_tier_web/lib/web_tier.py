from aws_cdk import Stack, CfnOutput
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_iam as iam
from constructs import Construct

USER_DATA = """#!/bin/bash
yum install -y nginx
systemctl enable --now nginx
"""


class WebTierStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc,
                 db_secret: secretsmanager.ISecret, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        role = iam.Role(self, "WebRole", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchFullAccess"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("AmazonSSMManagedInstanceCore"))
        db_secret.grant_read(role)

        asg = autoscaling.AutoScalingGroup(
            self,
            "WebAsg",
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            instance_type=ec2.InstanceType("t3.small"),
            machine_image=ec2.MachineImage.latest_amazon_linux2023(),
            min_capacity=2,
            max_capacity=6,
            role=role,
            user_data=ec2.UserData.custom(USER_DATA),
        )

        alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
        listener = alb.add_listener("Http", port=80, open=True)
        listener.add_targets("Web", port=80, targets=[asg],
                             health_check=elbv2.HealthCheck(path="/healthz"))

        CfnOutput(self, "AlbDns", value=alb.load_balancer_dns_name)
