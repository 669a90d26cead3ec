from __future__ import annotations

from typing import Iterable, Iterator

from remediator.analysis.cdk_facts import stack_has_region
from remediator.analysis.context import ConstructCall, literal_value
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.analysis.wiring import construct_scope, handed_to_own_code

ALB = "aws_cdk.aws_elasticloadbalancingv2.ApplicationLoadBalancer"
BUCKET = "aws_cdk.aws_s3.Bucket"
S3_MANAGED = "aws_cdk.aws_s3.BucketEncryption.S3_MANAGED"
BLOCK_ALL = "aws_cdk.aws_s3.BlockPublicAccess.BLOCK_ALL"
ACCESS_LOGS_ATTRIBUTE = "access_logs.s3.enabled"

LOGS_BUCKET = """\
{bucket} = `{BUCKET}`(
    {scope},
    "{id}",
    encryption=`{S3_MANAGED}`,
    block_public_access=`{BLOCK_ALL}`,
    enforce_ssl=True,
)
{construct}.log_access_logs({bucket}, prefix="{prefix}")
"""


class AlbAccessLogs(Rule):
    """
    ## What it does
    Finds Application Load Balancers (`elbv2.ApplicationLoadBalancer`) that do not write access
    logs: no `log_access_logs(...)` call and no `access_logs.s3.enabled` attribute. The fix adds
    a bucket for the logs right after the statement that builds the load balancer, and
    `alb.log_access_logs(bucket, prefix="alb")`.

    ## Why is this bad?
    Without access logs there is no record of who called what, when, with which status and
    latency: incidents and attacks cannot be investigated after the fact (cdk-nag
    AwsSolutions-ELB2).

    ## Example
    ```python
    from aws_cdk import App, Environment, Stack
    from aws_cdk import aws_elasticloadbalancingv2 as elbv2


    class WebStack(Stack):
        def __init__(self, scope, construct_id, vpc, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            alb = elbv2.ApplicationLoadBalancer(self, "Web", vpc=vpc)


    WebStack(App(), "Web", vpc=None, env=Environment(region="eu-west-1"))
    ```
    Use instead:
    ```python
    from aws_cdk import App, Environment, Stack
    from aws_cdk import aws_elasticloadbalancingv2 as elbv2
    from aws_cdk import aws_s3 as s3


    class WebStack(Stack):
        def __init__(self, scope, construct_id, vpc, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            alb = elbv2.ApplicationLoadBalancer(self, "Web", vpc=vpc)
            alb_access_logs = s3.Bucket(
                self,
                "WebAccessLogs",
                encryption=s3.BucketEncryption.S3_MANAGED,
                block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
                enforce_ssl=True,
            )
            alb.log_access_logs(alb_access_logs, prefix="alb")


    WebStack(App(), "Web", vpc=None, env=Environment(region="eu-west-1"))
    ```

    ## Fix safety
    Safe: the load balancer gets new attributes (an update without interruption); the new bucket
    is private (`BLOCK_ALL`), TLS-only and encrypted with S3-managed keys (a KMS-key bucket fails
    synth: load balancers cannot write to it), and its policy lets only the regional
    load-balancing log delivery write under the prefix. Like every `s3.Bucket`, it is retained
    when the stack is deleted. Logs cost S3 storage in proportion to traffic; the review documents
    and cdk-nag ask for them, so the rule is on by default.

    `log_access_logs` needs the stack's region at synth time: in an environment-agnostic stack
    (instantiated without `env=` and a region) it fails synth. The fix is therefore made only
    where the file shows the region: the stack's `super().__init__(..., env=...)` or every
    instantiation of the stack class in the file passes an `env` with a region. Where the file
    instantiates the stack without one, or does not instantiate it at all (the app is in
    another file), the finding is reported with that reason. Load balancers handed to the app's
    own code (which may enable the logs) and those built inside a larger expression are left
    alone or reported.

    ## Options
    `stacks-have-region` (default `false`): set to `true` when every stack of the project is
    instantiated with an `env` that has a region (in `app.py`, which this rule does not read):
    load balancers of stacks not instantiated in their own file are then fixed too.
    """

    code, name, tier = "CDK403", "alb-access-logs", Tier.SAFE
    tier_note = "(reported where the file does not show the stack's region)"
    summary = "Application Load Balancers must write access logs"
    targets = (ALB,)
    options = {"stacks-have-region": False}
    changelog = "Write access logs of {count} Application Load {noun}"
    noun = ("Balancer", "Balancers")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if any(call.method_calls("log_access_logs")) or any(
                c.args and literal_value(c.args[0].value) == ACCESS_LOGS_ATTRIBUTE for c in call.method_calls("set_attribute")):
            return
        if handed_to_own_code(call) is not None:
            return
        message = "Application Load Balancer does not write access logs"
        region = stack_has_region(call.ctx, call.node)
        if region is False:
            yield self.finding(call, message + " (not fixed: the stack is environment-agnostic -- instantiated without "
                                               "env= and a region -- and log_access_logs fails synth there)",
                               tier=Tier.REPORT)
            return
        if region is None and not self.settings["stacks-have-region"]:
            yield self.finding(call, message + " (not fixed: this file does not show the stack's region, which "
                                               "log_access_logs needs; set the option stacks-have-region when every "
                                               "stack is instantiated with env= and a region)", tier=Tier.REPORT)
            return
        scope = construct_scope(call)
        base = (call.binding or "alb").rsplit(".", 1)[-1]
        fix = None if scope is None else call.follow_with(LOGS_BUCKET.format(
            bucket=call.ctx.fresh_name(f"{base}_access_logs"), scope=scope, construct="{construct}",
            id=call.ctx.free_construct_id(f"{call.construct_id or 'Alb'}AccessLogs"), prefix="alb",
            BUCKET=BUCKET, S3_MANAGED=S3_MANAGED, BLOCK_ALL=BLOCK_ALL))
        if fix is None:
            yield self.finding(call, message + " (it is built inside a larger expression: bind it to a name and call "
                                               "log_access_logs)", tier=Tier.REPORT)
            return
        yield self.finding(call, message, fix=fix)


def suggested_names() -> Iterable[str]:
    return [BUCKET, S3_MANAGED, BLOCK_ALL, f"{BUCKET}(enforce_ssl)", f"{ALB}.log_access_logs(prefix)",
            f"{ALB}.set_attribute"]
