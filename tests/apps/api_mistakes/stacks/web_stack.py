import aws_cdk as cdk
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_elbv2 as elbv2
from aws_cdk import aws_logs as logs
from constructs import Construct


class WebStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=0)
        elbv2.ApplicationLoadBalancer(self, "Alb", vpc=vpc, internet_facing=True)
        trail_logs = logs.LogGroup(self, "TrailLogs", retention=logs.RetentionDays.SEVEN_DAYS)
        cloudtrail.Trail(self, "Trail", send_to_cloud_watch_logs=True, cloud_watch_logs_group=trail_logs)
