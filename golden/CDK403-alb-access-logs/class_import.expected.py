import os

from aws_cdk import App, Environment, Stack
from aws_cdk.aws_elasticloadbalancingv2 import ApplicationLoadBalancer
from aws_cdk.aws_s3 import Bucket
from aws_cdk import aws_s3 as s3
from constructs import Construct

ENV = Environment(account=os.getenv("CDK_DEFAULT_ACCOUNT"), region=os.getenv("CDK_DEFAULT_REGION"))


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        internal_application_load_balancer = ApplicationLoadBalancer(self, "Internal", vpc=vpc)
        alb_access_logs_2 = Bucket(
            self,
            "InternalAccessLogs2",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        internal_application_load_balancer.log_access_logs(alb_access_logs_2, prefix="alb")
        Bucket(self, "InternalAccessLogs")  # the id the fix would take is used already
        alb_access_logs = "a name the fix would take is used already"


app = App()
WebStack(app, "Web", vpc=None, env=ENV)
