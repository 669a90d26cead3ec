from aws_cdk import Environment, Stack
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from aws_cdk import aws_s3 as s3
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc) -> None:
        super().__init__(scope, construct_id, env=Environment(region="us-east-1"))
        web_application_load_balancer = elbv2.ApplicationLoadBalancer(self, "Web", vpc=vpc, internet_facing=True)
        alb_access_logs = s3.Bucket(
            self,
            "WebAccessLogs",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        web_application_load_balancer.log_access_logs(alb_access_logs, prefix="alb")
