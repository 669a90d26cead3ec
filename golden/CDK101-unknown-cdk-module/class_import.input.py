from aws_cdk import Stack
from aws_cdk.aws_ec2 import Vpc
from aws_cdk.aws_elbv2 import (
    ApplicationLoadBalancer,
    ListenerAction,
)
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = Vpc(self, "Vpc", max_azs=2)
        alb = ApplicationLoadBalancer(self, "Alb", vpc=vpc, internet_facing=True)
        alb.add_listener("Http", port=80, default_action=ListenerAction.fixed_response(404))
