from aws_cdk import Stack
from aws_cdk import aws_wafv2 as wafv2
from constructs import Construct


def managed_rule(name: str, priority: int) -> wafv2.CfnWebACL.RuleProperty:
    return wafv2.CfnWebACL.RuleProperty(
        name=name,
        priority=priority,
        override_action=wafv2.CfnWebACL.OverrideActionProperty(none={}),
        statement=wafv2.CfnWebACL.StatementProperty(
            managed_rule_group_statement=wafv2.CfnWebACL.ManagedRuleGroupStatementProperty(
                vendor_name="AWS", name=name
            )
        ),
        visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
            cloud_watch_metrics_enabled=True, metric_name=name, sampled_requests_enabled=True
        ),
    )


class ApiFirewallStack(Stack):
    """Regional WAF web ACL with AWS managed rules and a per-IP rate limit, attached to the API stage."""

    def __init__(self, scope: Construct, construct_id: str, *, stage_arn: str, rate_limit: int, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rate_rule = wafv2.CfnWebACL.RuleProperty(
            name="RateLimitPerIp",
            priority=0,
            action=wafv2.CfnWebACL.RuleActionProperty(block={}),
            statement=wafv2.CfnWebACL.StatementProperty(
                rate_based_statement=wafv2.CfnWebACL.RateBasedStatementProperty(limit=rate_limit, aggregate_key_type="IP")
            ),
            visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
                cloud_watch_metrics_enabled=True, metric_name="RateLimitPerIp", sampled_requests_enabled=True
            ),
        )

        web_acl = wafv2.CfnWebACL(
            self,
            "ApiWebAcl",
            scope="REGIONAL",
            default_action=wafv2.CfnWebACL.DefaultActionProperty(allow={}),
            visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
                cloud_watch_metrics_enabled=True, metric_name="ApiWebAcl", sampled_requests_enabled=True
            ),
            rules=[
                rate_rule,
                managed_rule("AWSManagedRulesCommonRuleSet", 1),
                managed_rule("AWSManagedRulesKnownBadInputsRuleSet", 2),
                managed_rule("AWSManagedRulesAmazonIpReputationList", 3),
            ],
        )

        wafv2.CfnWebACLAssociation(
            self,
            "ApiWebAclAssociation",
            resource_arn=stage_arn,
            web_acl_arn=web_acl.attr_arn,
        )
