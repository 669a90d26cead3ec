from aws_cdk import Stack, aws_ec2, aws_elasticloadbalancingv2 as aws_elbv2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = aws_ec2.Vpc(self, "Vpc", max_azs=2)
        aws_elbv2.NetworkLoadBalancer(self, "Nlb", vpc=vpc, internet_facing=False)
