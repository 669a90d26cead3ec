from __future__ import annotations

from typing import Iterable, Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.context import ConstructCall, lay_out_edit, literal_value
from remediator.analysis.rule import Edit, Finding, Rule, Tier

TABLE = "aws_cdk.aws_dynamodb.Table"
TABLE_V2 = "aws_cdk.aws_dynamodb.TableV2"
CFN_TABLE = "aws_cdk.aws_dynamodb.CfnTable"
SPEC = "aws_cdk.aws_dynamodb.PointInTimeRecoverySpecification"
CFN_SPEC = "aws_cdk.aws_dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty"
KEYWORD = "point_in_time_recovery_specification"
DEPRECATED = "point_in_time_recovery"
ENABLED = "point_in_time_recovery_enabled"


class DynamodbPointInTimeRecovery(Rule):
    """
    ## What it does
    Finds DynamoDB tables without point-in-time recovery: `dynamodb.Table`, `dynamodb.TableV2`
    and `dynamodb.CfnTable` with no `point_in_time_recovery_specification` (or one with
    `point_in_time_recovery_enabled=False`), and L2 tables with the deprecated
    `point_in_time_recovery=False`. The fix writes the current form,
    `point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
    point_in_time_recovery_enabled=True)` (`CfnTable.PointInTimeRecoverySpecificationProperty` on
    a `CfnTable`), replacing the deprecated keyword (both together fail synth).

    ## Why is this bad?
    Without point-in-time recovery a bad deploy, a buggy batch job or a mistaken delete destroys
    items for good: there is no way back to the table as it was a minute before (cdk-nag
    AwsSolutions-DDB3).

    ## Example
    ```python
    table = dynamodb.Table(self, "Orders", partition_key=key)
    ```
    Use instead:
    ```python
    table = dynamodb.Table(
        self,
        "Orders",
        partition_key=key,
        point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
            point_in_time_recovery_enabled=True,
        ),
    )
    ```

    ## Fix safety
    Safe: CloudFormation enables continuous backups on the existing table without replacing or
    interrupting it; no item and no permission changes. The backups keep the table's earlier
    states for the recovery period (35 days unless set), deleted items included: a team with an
    obligation to erase data sooner should suppress the finding. Backups cost about $0.20 per GB
    and month; the review documents and cdk-nag ask for them, so the rule is on by default.
    `point_in_time_recovery=True` is enabled already (CDK105 migrates its spelling); values the
    code computes and calls with a `**kwargs` spread are left alone.
    """

    code, name, tier = "CDK409", "dynamodb-point-in-time-recovery", Tier.SAFE
    summary = "DynamoDB tables must have point-in-time recovery"
    targets = (TABLE, TABLE_V2, CFN_TABLE)
    changelog = "Enable point-in-time recovery on {count} DynamoDB {noun}"
    noun = ("table", "tables")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        message = "DynamoDB table has no point-in-time recovery"
        spec = call.value(KEYWORD)
        if spec is not None:
            enabled = _enabled(call, spec)
            if enabled is not None:
                yield self.finding(call.arg(KEYWORD) or call, message + " (point_in_time_recovery_enabled=False)",
                                   fix=Edit.set_keyword(enabled, ENABLED, "True"))
            return
        edits = []
        if not call.is_l1 and call.has(DEPRECATED):
            if call.literal(DEPRECATED) is not False:
                return  # True (deprecated spelling, CDK105), or a value we cannot know
            edits.append(call.remove_keyword(DEPRECATED))
            message += " (point_in_time_recovery=False)"
        struct = CFN_SPEC if call.is_l1 else SPEC
        edits += [call.set_keyword(KEYWORD, f"`{struct}`({ENABLED}=True)"), lay_out_edit(call.ctx, call.node)]
        yield self.finding(call.arg(DEPRECATED) or call, message, fix=edits)


def _enabled(call: ConstructCall, spec: cst.BaseExpression) -> cst.Call | None:
    """The specification call when it says ``point_in_time_recovery_enabled=False``, else None."""
    if not (isinstance(spec, cst.Call) and call.ctx.call_qualname(spec) in (SPEC, CFN_SPEC)):
        return None
    arg = E.get_keyword(spec, ENABLED)
    return spec if arg is not None and literal_value(arg.value) is False else None


def suggested_names() -> Iterable[str]:
    return [SPEC, CFN_SPEC, f"{SPEC}({ENABLED})", f"{CFN_SPEC}({ENABLED})",
            *(f"{t}({KEYWORD})" for t in (TABLE, TABLE_V2, CFN_TABLE)), f"{TABLE}({DEPRECATED})"]
