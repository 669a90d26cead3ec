import os

from aws_cdk import App, Environment, Stack
from aws_cdk.aws_elasticloadbalancingv2 import ApplicationLoadBalancer
from aws_cdk.aws_s3 import Bucket
from constructs import Construct

ENV = Environment(account=os.getenv("CDK_DEFAULT_ACCOUNT"), region=os.getenv("CDK_DEFAULT_REGION"))


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        ApplicationLoadBalancer(self, "Internal", vpc=vpc)
        Bucket(self, "InternalAccessLogs")  # the id the fix would take is used already
        alb_access_logs = "a name the fix would take is used already"


app = App()
WebStack(app, "Web", vpc=None, env=ENV)
