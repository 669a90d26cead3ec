from __future__ import annotations

from typing import Iterable, Iterator

from remediator.analysis.cdk_facts import FUNCTIONS
from remediator.analysis.context import ConstructCall
from remediator.analysis.monitoring import reads_metric
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.analysis.wiring import construct_scope, handed_to_own_code

TABLES = ("aws_cdk.aws_dynamodb.Table", "aws_cdk.aws_dynamodb.TableV2")
NOT_BREACHING = "aws_cdk.aws_cloudwatch.TreatMissingData.NOT_BREACHING"
#: DynamoDB's table-level throttle metrics: every throttled read or write event counts in one
#: (the per-operation ``ThrottledRequests`` summed over all operations needs more than the 10
#: metrics an alarm may use: synth fails)
THROTTLE_METRICS = ("ReadThrottleEvents", "WriteThrottleEvents")

ALARM = """\
{metric}.create_alarm(
    {scope},
    "{id}",
    threshold={threshold},
    evaluation_periods={periods},
    treat_missing_data=`{NOT_BREACHING}`,
)"""


class MissingAlarms(Rule):
    """
    ## What it does
    Finds Lambda functions without an alarm on their errors and DynamoDB tables (`Table`,
    `TableV2`) without an alarm on throttling: the file never reads the function's `Errors`
    metric (`fn.metric_errors()`, `fn.metric("Errors")`, a `cloudwatch.Metric` on it) or any of
    the table's throttling metrics. The fix adds the alarms right after the statement that builds
    the function or table (binding an unbound one to a name first): `fn.metric_errors()
    .create_alarm(...)`, and `table.metric("ReadThrottleEvents" / "WriteThrottleEvents",
    statistic="Sum").create_alarm(...)`.

    ## Why is this bad?
    A function that fails on every invocation, or a table that rejects reads and writes, keeps
    doing so silently until a user complains: nothing turns the metric into a state a pager,
    dashboard or deployment check can act on.

    ## Example
    ```python
    fn = lambda_.Function(self, "Worker", runtime=rt, handler="index.handler", code=code)
    ```
    Use instead:
    ```python
    fn = lambda_.Function(self, "Worker", runtime=rt, handler="index.handler", code=code)
    fn.metric_errors().create_alarm(
        self,
        "WorkerErrorsAlarm",
        threshold=1,
        evaluation_periods=1,
        treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
    )
    ```

    ## Fix safety
    Safe: alarms are new resources that change nothing else (no action is attached: connect
    them to your notification topic with `alarm.add_alarm_action(...)`). Each alarm costs $0.10 a
    month; the review documents ask for them, so the rule is on by default. Missing data (no
    invocations, no throttling) is treated as not breaching. Functions and tables handed to the
    app's own code (a helper may add the alarms there) and those built inside a larger expression
    (reported) are left alone.

    ## Options
    `errors-threshold` (default `1`): function errors per 5 minutes that set the alarm off.
    `throttles-threshold` (default `1`): throttled events per 5 minutes that set it off.
    `evaluation-periods` (default `1`): consecutive 5-minute periods over the threshold.
    """

    code, name, tier = "CDK410", "missing-alarms", Tier.SAFE
    summary = "Lambda functions and DynamoDB tables must have alarms"
    targets = (*FUNCTIONS, *TABLES)
    options = {"errors-threshold": 1, "throttles-threshold": 1, "evaluation-periods": 1}
    changelog = "Alarm on the errors or throttling of {count} {noun}"
    noun = ("function or table", "functions and tables")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        table = call.qualname in TABLES
        if table:
            watched = reads_metric(call, lambda m: "throttl" in m, lambda n: "Throttle" in n)
            what = "DynamoDB table has no alarm on throttled requests"
        else:
            watched = reads_metric(call, lambda m: m == "metric_errors", lambda n: n == "Errors")
            what = "Lambda function has no alarm on its errors"
        if watched or handed_to_own_code(call) is not None:
            return
        scope = construct_scope(call)
        fix = None if scope is None else call.follow_with(self._alarms(call, scope, table))
        if fix is None:
            yield self.finding(call, what + " (it is built inside a larger expression: bind it to a name and add "
                                            "the alarm)", tier=Tier.REPORT)
            return
        yield self.finding(call, what, fix=fix)

    def _alarms(self, call: ConstructCall, scope: str, table: bool) -> str:
        base = call.construct_id or ("Table" if table else "Function")
        periods = self.settings["evaluation-periods"]
        if not table:
            return ALARM.format(metric="{construct}.metric_errors()", scope=scope, periods=periods,
                                id=call.ctx.free_construct_id(f"{base}ErrorsAlarm"),
                                threshold=self.settings["errors-threshold"], NOT_BREACHING=NOT_BREACHING)
        return "\n".join(ALARM.format(metric=f'{{construct}}.metric("{metric}", statistic="Sum")', scope=scope,
                                      id=call.ctx.free_construct_id(f"{base}{metric[:-len('Events')]}sAlarm"),
                                      threshold=self.settings["throttles-threshold"], periods=periods,
                                      NOT_BREACHING=NOT_BREACHING)
                         for metric in THROTTLE_METRICS)


def suggested_names() -> Iterable[str]:
    return [NOT_BREACHING, "aws_cdk.aws_lambda.Function.metric_errors", "aws_cdk.aws_dynamodb.Table.metric",
            "aws_cdk.aws_dynamodb.TableV2.metric(statistic)", "aws_cdk.aws_cloudwatch.Metric.create_alarm",
            *(f"aws_cdk.aws_cloudwatch.Metric.create_alarm({k})" for k in
              ("threshold", "evaluation_periods", "treat_missing_data"))]
