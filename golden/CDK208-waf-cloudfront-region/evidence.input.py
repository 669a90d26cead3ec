from aws_cdk import App, Environment, Size, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk.aws_wafv2 import CfnRuleGroup, CfnWebACL
from constructs import Construct

VIS = CfnWebACL.VisibilityConfigProperty(cloud_watch_metrics_enabled=True, metric_name="m", sampled_requests_enabled=True)


class PinnedStack(Stack):
    """Seed 002: a volume in us-west-2a pins the stack to us-west-2."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        ec2.Volume(self, "Cache", availability_zone="us-west-2a", size=Size.gibibytes(20))
        CfnWebACL(self, "Acl", scope="CLOUDFRONT", default_action=CfnWebACL.DefaultActionProperty(allow={}),
                  visibility_config=VIS)


class OwnEnvStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, env=Environment(region="ap-southeast-2"), **kwargs)
        CfnRuleGroup(self, "Rules", scope="CLOUDFRONT", capacity=10, visibility_config=VIS)


class TwiceStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        CfnWebACL(self, "Acl", scope="CLOUDFRONT", default_action=CfnWebACL.DefaultActionProperty(allow={}),
                  visibility_config=VIS)


app = App()
europe = {"region": "eu-central-1"}
TwiceStack(app, "Virginia", env={"region": "us-east-1"})
TwiceStack(app, "Frankfurt", env=europe)
loose = Stack(app, "Loose", env=Environment(region="sa-east-1"))
CfnWebACL(loose, "LooseAcl", scope="CLOUDFRONT", default_action=CfnWebACL.DefaultActionProperty(allow={}),
          visibility_config=VIS)
app.synth()
