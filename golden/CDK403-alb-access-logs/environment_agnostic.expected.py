import aws_cdk as cdk
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from constructs import Construct


class WebStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)


app = cdk.App()
WebStack(app, "Prod", vpc=None, env=cdk.Environment(account="123456789012", region="eu-west-1"))
WebStack(app, "Dev", vpc=None)  # environment-agnostic: log_access_logs would fail synth here
app.synth()
