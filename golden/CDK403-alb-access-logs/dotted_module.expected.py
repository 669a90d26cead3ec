import aws_cdk as cdk
import aws_cdk.aws_elasticloadbalancingv2 as lb
from constructs import Construct


class WebStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        balancer = lb.ApplicationLoadBalancer(self, "Balancer", vpc=vpc)
        self._observe(balancer)  # the stack's own helper may enable the logs

    def _observe(self, load_balancer) -> None:
        load_balancer.log_access_logs(cdk.aws_s3.Bucket(self, "Logs"))


WebStack(cdk.App(), "Web", vpc=None, env=cdk.Environment(region="eu-west-1"))
