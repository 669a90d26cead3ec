from __future__ import annotations

from typing import Iterable, Iterator

import libcst as cst

from remediator.analysis.cdk_facts import FUNCTIONS
from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier

ACTIVE = "aws_cdk.aws_lambda.Tracing.ACTIVE"
CFN_FUNCTION = "aws_cdk.aws_lambda.CfnFunction"
ROLE = "aws_cdk.aws_iam.Role"
#: imported roles CDK attaches new policies to (unless ``mutable=False``)
IMPORTED_ROLES = ("aws_cdk.aws_iam.Role.from_role_arn", "aws_cdk.aws_iam.Role.from_role_name")


class LambdaXrayTracing(Rule):
    """
    ## What it does
    Finds Lambda functions (`lambda_.Function` and the classes built on it: `NodejsFunction`,
    `PythonFunction`, `DockerImageFunction`...) without `tracing`, and sets
    `tracing=lambda_.Tracing.ACTIVE`. A `CfnFunction` without `tracing_config` is reported.

    ## Why is this bad?
    Without active tracing a slow or failing request cannot be followed through the function and
    the services it calls: there is no latency breakdown and no service map to find the part
    that failed.

    ## Example
    ```python
    fn = lambda_.Function(self, "Worker", runtime=runtime, handler="index.handler", code=code)
    ```
    Use instead:
    ```python
    fn = lambda_.Function(
        self,
        "Worker",
        runtime=runtime,
        handler="index.handler",
        code=code,
        tracing=lambda_.Tracing.ACTIVE,
    )
    ```

    ## Fix safety
    Safe: the function is updated in place (same name and ARN, no data involved). CDK adds
    `xray:PutTraceSegments` and `xray:PutTelemetryRecords` to the execution role's policy: a
    write-only permission to send trace data, which lets the function touch no other resource.
    X-Ray's actions take no resource ARN, so the statement's resource is `*`: cdk-nag's IAM5 counts
    one more wildcard (suppress it there with that reason).
    That only works for a role CDK can add to, and Lambda rejects active tracing when the role
    lacks it; so the fix is made when the function has no `role=` (CDK creates one), or its role
    is an `iam.Role` of the file or one imported with `Role.from_role_arn` / `from_role_name`
    (not `mutable=False`). With any other role the finding is reported: give that role the two
    X-Ray actions, then set `tracing`. X-Ray samples requests (the first each second, then 5 %)
    and is free up to 100,000 traces a month; the review documents ask for tracing, so the rule
    is on by default. An explicit `tracing` (`PASS_THROUGH`, `DISABLED`) is the code's choice and
    is left alone, as are calls with a `**kwargs` spread.
    """

    code, name, tier = "CDK404", "lambda-xray-tracing", Tier.SAFE
    summary = "Lambda functions must have active X-Ray tracing"
    targets = (*FUNCTIONS, CFN_FUNCTION)
    changelog = "Enable X-Ray tracing on {count} Lambda {noun}"
    noun = ("function", "functions")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        if call.qualname == CFN_FUNCTION:
            if not call.has("tracing_config"):
                yield self.finding(call, "Lambda function does not trace requests: set tracing_config="
                                         "CfnFunction.TracingConfigProperty(mode=\"Active\") and allow "
                                         "xray:PutTraceSegments and xray:PutTelemetryRecords in its role")
            return
        if call.has("tracing"):
            return
        message = "Lambda function does not trace requests with X-Ray"
        if not _role_takes_policies(call):
            yield self.finding(call, message + " (not fixed: CDK cannot add the X-Ray permissions to its role; allow "
                                               "xray:PutTraceSegments and xray:PutTelemetryRecords there, then set "
                                               "tracing=Tracing.ACTIVE)", tier=Tier.REPORT)
            return
        yield self.finding(call, message, fix=call.set_keyword("tracing", f"`{ACTIVE}`"))


def _role_takes_policies(call: ConstructCall) -> bool:
    """The function's execution role is one CDK adds policy statements to."""
    role = call.value("role")
    if role is None:
        return True
    values = [role] if isinstance(role, cst.Call) else call.ctx.assigned_values(role, call.node)
    if not values:
        return False
    for value in values:
        if not isinstance(value, cst.Call):
            return False
        q = call.ctx.call_qualname(value)
        if q == ROLE:
            continue
        mutable = next((a.value for a in value.args if a.keyword is not None and a.keyword.value == "mutable"), None)
        if q in IMPORTED_ROLES and not (isinstance(mutable, cst.Name) and mutable.value == "False"):
            continue
        return False
    return True


def suggested_names() -> Iterable[str]:
    return [ACTIVE, f"{CFN_FUNCTION}(tracing_config)", f"{CFN_FUNCTION}.TracingConfigProperty(mode)",
            *IMPORTED_ROLES, "aws_cdk.aws_iam.Role.from_role_arn(mutable)",
            *(f"{f}(tracing)" for f in FUNCTIONS if "alpha" not in f)]
