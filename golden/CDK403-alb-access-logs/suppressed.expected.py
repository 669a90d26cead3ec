import aws_cdk as cdk
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from constructs import Construct


class WebStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        elbv2.ApplicationLoadBalancer(self, "Internal", vpc=vpc)  # remediator: ignore[CDK403]
        # remediator: ignore[alb-access-logs]
        elbv2.ApplicationLoadBalancer(self, "Internal2", vpc=vpc)


WebStack(cdk.App(), "Web", vpc=None, env=cdk.Environment(region="eu-west-1"))
