import aws_cdk
import aws_cdk.aws_elasticloadbalancingv2 as elbv2
import aws_cdk.aws_ec2 as ec2
from constructs import Construct


class WebStack(aws_cdk.Stack):
    """`import aws_cdk.aws_x as x`; an output of the load balancer built in the VPC is not the VPC's."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "WebVpc", nat_gateways=1)
        alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
        elbv2.NetworkLoadBalancer(self, "Internal", vpc=vpc)
        alb.add_listener("Http", port=80)
        aws_cdk.CfnOutput(self, "Url", value=f"http://{alb.load_balancer_dns_name}")
