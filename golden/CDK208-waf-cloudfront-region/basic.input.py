import aws_cdk as cdk
from aws_cdk import aws_wafv2 as wafv2
from constructs import Construct

ALLOW = wafv2.CfnWebACL.DefaultActionProperty(allow={})
VISIBILITY = wafv2.CfnWebACL.VisibilityConfigProperty(
    cloud_watch_metrics_enabled=True, metric_name="site", sampled_requests_enabled=True
)


class SiteStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        wafv2.CfnWebACL(self, "SiteAcl", scope="CLOUDFRONT", default_action=ALLOW, visibility_config=VISIBILITY)
        wafv2.CfnIPSet(self, "Blocked", scope="CLOUDFRONT", ip_address_version="IPV4", addresses=[])
        wafv2.CfnWebACL(self, "ApiAcl", scope="REGIONAL", default_action=ALLOW, visibility_config=VISIBILITY)


app = cdk.App()
SiteStack(app, "Site", env=cdk.Environment(account="111122223333", region="eu-west-1"))
app.synth()
