import aws_cdk
import aws_cdk.aws_ec2
import aws_cdk.aws_elasticloadbalancingv2
from constructs import Construct


class WebStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = aws_cdk.aws_ec2.Vpc(self, "Vpc", max_azs=2)
        aws_cdk.aws_elasticloadbalancingv2.ApplicationLoadBalancer(
            self, "Alb", vpc=vpc, internet_facing=True
        )
