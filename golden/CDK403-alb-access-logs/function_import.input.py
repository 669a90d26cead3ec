from constructs import Construct


def public_alb(scope: Construct, vpc):
    from aws_cdk import aws_elasticloadbalancingv2 as elb

    alb = elb.ApplicationLoadBalancer(scope, "Public", vpc=vpc, internet_facing=True)
    return alb
