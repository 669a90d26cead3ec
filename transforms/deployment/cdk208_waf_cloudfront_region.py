from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis.cdk_facts import STACK_CLASSES, RegionEvidence, env_regions, stack_regions
from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier

#: WAFv2 resources with a ``scope``: a CLOUDFRONT one exists only in us-east-1
WAF_RESOURCES = tuple(f"aws_cdk.aws_wafv2.{name}" for name in ("CfnWebACL", "CfnRuleGroup", "CfnIPSet",
                                                               "CfnRegexPatternSet"))
HOME = "us-east-1"


class WafCloudFrontRegion(Rule):
    """
    ## What it does
    Finds WAF resources for CloudFront (`wafv2.CfnWebACL(scope="CLOUDFRONT")`, and the rule
    groups, IP sets and regex pattern sets of that scope) in a stack that the file deploys to
    another region than us-east-1: the `env=cdk.Environment(region=...)` (or `env={"region": ...}`)
    of the stack's instances in the file or of its `super().__init__`, the availability zones its
    resources name (`availability_zone="us-west-2a"` pins the stack to us-west-2), or the `env`
    of a `cdk.Stack(...)` the resource is built in.

    ## Why is this bad?
    CloudFront is global, and its web ACLs live in us-east-1 only: creating a CLOUDFRONT-scoped
    web ACL anywhere else fails the deployment (WAFInvalidParameterException for the scope).

    ## Example
    ```python
    class EdgeStack(Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, env=cdk.Environment(region="eu-west-1"), **kwargs)
            wafv2.CfnWebACL(self, "Acl", scope="CLOUDFRONT", default_action=allow, visibility_config=vis)
    ```
    Use instead:
    ```python
    class EdgeStack(Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, env=cdk.Environment(region="us-east-1"), **kwargs)
            wafv2.CfnWebACL(self, "Acl", scope="CLOUDFRONT", default_action=allow, visibility_config=vis)
    ```

    ## Fix safety
    Report only: moving a resource to another region means another stack. The finding says
    what to do: create the web ACL in a stack deployed to us-east-1 and give its ARN to the
    distribution (`cross_region_references=True` on both stacks), or use `scope="REGIONAL"`
    when it protects a load balancer or API in the stack's region. Stacks whose region the file
    does not state (an `app.py` elsewhere, `os.environ["CDK_DEFAULT_REGION"]`) are not reported.
    """

    code, name, tier = "CDK208", "waf-cloudfront-region", Tier.REPORT
    summary = "CloudFront WAF resources must be created in us-east-1"
    targets = WAF_RESOURCES
    triggers = ("CLOUDFRONT",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.literal("scope") != "CLOUDFRONT":
            return
        ctx = call.ctx
        evidence = [e for e in self._evidence(call) if e.region != HOME]
        if not evidence:
            return
        first = evidence[0]
        line = ctx.position(first.node)[0]
        kind = call.class_name.removeprefix("Cfn")
        scope_arg = call.arg("scope")
        use = "pass its ARN to the distribution" if kind == "WebACL" else "use it from a web ACL there"
        yield self.finding(scope_arg or call,
                           f"a CLOUDFRONT-scoped WAF {kind} exists only in {HOME}, but this stack deploys to "
                           f"{first.region} ({first.how}, line {line}): the deployment fails; create it in a stack "
                           f"with env=cdk.Environment(region=\"{HOME}\") and {use} "
                           "(cross_region_references=True on both stacks), or use scope=\"REGIONAL\" for a load "
                           "balancer or API")

    @staticmethod
    def _evidence(call: ConstructCall) -> list[RegionEvidence]:
        ctx = call.ctx
        cls = ctx.enclosing(call.node, cst.ClassDef)
        if isinstance(cls, cst.ClassDef):
            return stack_regions(ctx, cls)
        scope = call.positional(0)
        stacks = ctx.assigned_values(scope, call.node) if isinstance(scope, cst.Name) else []
        if len(stacks) != 1 or not isinstance(stacks[0], cst.Call) or ctx.call_qualname(stacks[0]) not in STACK_CLASSES:
            return []
        return [RegionEvidence(r, stacks[0], f"env of {ctx.module.code_for_node(scope)}")  # type: ignore[arg-type]
                for r in env_regions(ctx, stacks[0])]
