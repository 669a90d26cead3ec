import os

import aws_cdk as cdk
import aws_cdk.aws_wafv2 as waf
from constructs import Construct

VIS = waf.CfnWebACL.VisibilityConfigProperty(cloud_watch_metrics_enabled=True, metric_name="m", sampled_requests_enabled=True)
ALLOW = waf.CfnWebACL.DefaultActionProperty(allow={})


class EdgeStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.aws_wafv2.CfnWebACL(self, "Acl", scope="CLOUDFRONT", default_action=ALLOW, visibility_config=VIS)


class UnknownRegionStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        waf.CfnWebACL(self, "Acl", scope="CLOUDFRONT", default_action=ALLOW, visibility_config=VIS)


class RegionalStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        waf.CfnWebACL(self, "Acl", scope="REGIONAL", default_action=ALLOW, visibility_config=VIS)


class SuppressedStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # deployed through a pipeline stage that overrides the region
        waf.CfnWebACL(self, "Acl", scope="CLOUDFRONT", default_action=ALLOW, visibility_config=VIS)  # remediator: ignore[CDK208]


app = cdk.App()
EdgeStack(app, "Edge", env=cdk.Environment(region="us-east-1"))
UnknownRegionStack(app, "Unknown", env=cdk.Environment(region=os.environ["CDK_DEFAULT_REGION"]))
RegionalStack(app, "Regional", env=cdk.Environment(region="eu-west-1"))
SuppressedStack(app, "Suppressed", env=cdk.Environment(region="eu-west-1"))
app.synth()
