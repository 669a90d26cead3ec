from aws_cdk import Stack
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from constructs import Construct


class WebStack(Stack):
    """Instantiated in app.py, which this file does not show."""

    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
