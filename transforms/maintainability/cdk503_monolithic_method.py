from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

import libcst as cst

from remediator.analysis.cdk_facts import builds_construct_like
from remediator.analysis.context import FileContext
from remediator.analysis.rule import Finding, Rule, Tier

#: constructs that declare the template's interface rather than build resources: not counted
NOT_RESOURCES = frozenset({
    "aws_cdk.CfnOutput", "aws_cdk.CfnParameter", "aws_cdk.CfnCondition", "aws_cdk.CfnMapping", "aws_cdk.CfnRule",
    "aws_cdk.core.CfnOutput", "aws_cdk.core.CfnParameter",
})


class MonolithicMethod(Rule):
    """
    ## What it does
    Finds functions and methods that build more than `max-constructs` constructs (default 12)
    in their own body: calls of aws-cdk-lib construct classes (L1 and L2) and of any class
    called the way constructs are (`NetworkConstruct(self, "Network")`). Outputs, parameters
    and conditions are not counted; a call inside a loop counts once; nested functions count
    for themselves.

    ## Why is this bad?
    A stack that builds its network, data, compute and monitoring in one long `__init__` is hard
    to read, review and test: every part sees every variable, and nothing can be reused or
    tested alone. Methods per concern (`_create_network()`), or `Construct` classes, keep each
    part small and give it a name.

    ## Example
    ```python
    vpc = ec2.Vpc(self, "Vpc")
    key = kms.Key(self, "Key", enable_key_rotation=True)
    data = s3.Bucket(self, "Data", encryption_key=key)
    logs_bucket = s3.Bucket(self, "Logs")
    table = dynamodb.Table(self, "Orders", partition_key=pk)
    queue = sqs.Queue(self, "Jobs")
    dlq = sqs.Queue(self, "JobsDlq")
    topic = sns.Topic(self, "Alerts")
    role = iam.Role(self, "Role", assumed_by=principal)
    fn = lambda_.Function(self, "Worker", **function_props)
    api = apigw.LambdaRestApi(self, "Api", handler=fn)
    alarm = cloudwatch.Alarm(self, "Errors", **alarm_props)
    trail = cloudtrail.Trail(self, "Trail", bucket=logs_bucket)
    ```
    Use instead:
    ```python
    network = self._create_network()
    data = self._create_data(network)
    self._create_api(data)
    ```

    ## Fix safety
    Report only: how to split a stack is a design choice. The rule is off by default (enable it
    with `extend-select = ["CDK503"]`): CDK's own templates build every resource in the stack's
    `__init__`, and teams may keep that style.

    ## Options
    `max-constructs` (default `12`): the most constructs one function may build.
    """

    code, name, tier = "CDK503", "monolithic-method", Tier.REPORT
    summary = "Methods should not build a whole stack at once"
    triggers = ("def",)
    default_enabled = False
    options: dict[str, Any] = {"max-constructs": 12}

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        limit = self.settings.get("max-constructs", 12)
        counts: Counter[cst.FunctionDef] = Counter()
        for call in ctx.calls:
            fn = ctx.enclosing(call, cst.FunctionDef, cst.Lambda)
            if not isinstance(fn, cst.FunctionDef) or ctx.call_qualname(call) in NOT_RESOURCES:
                continue
            if builds_construct_like(ctx, call):
                counts[fn] += 1
        for fn, count in counts.items():
            if count > limit:
                yield self.finding(fn.name, f"`{fn.name.value}` builds {count} constructs (more than {limit}): split "
                                            "it into methods or Construct classes by concern (network, data, "
                                            "compute...)")
