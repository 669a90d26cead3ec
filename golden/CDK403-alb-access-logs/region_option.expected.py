from aws_cdk import Stack
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from aws_cdk import aws_s3 as s3
from constructs import Construct


class WebStack(Stack):
    """Instantiated in app.py, which this file does not show."""

    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
        alb_access_logs = s3.Bucket(
            self,
            "WebAlbAccessLogs",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        self.alb.log_access_logs(alb_access_logs, prefix="alb")
