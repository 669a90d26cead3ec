from aws_cdk import Environment, Stack
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc) -> None:
        super().__init__(scope, construct_id, env=Environment(region="us-east-1"))
        elbv2.ApplicationLoadBalancer(self, "Web", vpc=vpc, internet_facing=True)
