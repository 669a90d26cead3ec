from constructs import Construct
from aws_cdk import aws_s3 as s3


def public_alb(scope: Construct, vpc):
    from aws_cdk import aws_elasticloadbalancingv2 as elb

    alb = elb.ApplicationLoadBalancer(scope, "Public", vpc=vpc, internet_facing=True)
    alb_access_logs = s3.Bucket(
        scope,
        "PublicAccessLogs",
        encryption=s3.BucketEncryption.S3_MANAGED,
        block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
        enforce_ssl=True,
    )
    alb.log_access_logs(alb_access_logs, prefix="alb")
    return alb
