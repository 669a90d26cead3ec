import aws_cdk
import aws_cdk.aws_elasticloadbalancingv2 as elbv2
import aws_cdk.aws_ec2 as ec2
from constructs import Construct


class WebStack(aws_cdk.Stack):
    """`import aws_cdk.aws_x as x`; the VPC already outputs its id, not its subnets."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "WebVpc", nat_gateways=1)
        aws_cdk.CfnOutput(self, "WebVpcId", value=vpc.vpc_id)
        alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
        elbv2.NetworkLoadBalancer(self, "Internal", vpc=vpc)
        alb.add_listener("Http", port=80)
