import aws_cdk
import aws_cdk.aws_elasticloadbalancingv2 as elbv2
import aws_cdk.aws_ec2 as ec2
from constructs import Construct


class WebStack(aws_cdk.Stack):
    """`import aws_cdk.aws_x as x`; the VPC already outputs its id, not its subnets."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "WebVpc", nat_gateways=1)
        aws_cdk.CfnOutput(
            self,
            "WebVpcPublicSubnetIds",
            value=aws_cdk.Fn.join(",", [subnet.subnet_id for subnet in vpc.public_subnets]),
        )
        aws_cdk.CfnOutput(
            self,
            "WebVpcPrivateSubnetIds",
            value=aws_cdk.Fn.join(",", [subnet.subnet_id for subnet in vpc.private_subnets]),
        )
        aws_cdk.CfnOutput(self, "WebVpcId", value=vpc.vpc_id)
        alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
        aws_cdk.CfnOutput(self, "WebAlbDnsName", value=alb.load_balancer_dns_name)
        internal_network_load_balancer = elbv2.NetworkLoadBalancer(self, "Internal", vpc=vpc)
        aws_cdk.CfnOutput(
            self,
            "InternalLoadBalancerDnsName",
            value=internal_network_load_balancer.load_balancer_dns_name,
        )
        alb.add_listener("Http", port=80)
