from __future__ import annotations

from typing import Iterable, Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.cdk_facts import FUNCTIONS
from remediator.analysis.context import NOT_LITERAL, ConstructCall, lay_out_edit
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Edit, Finding, Rule, Tier

JSON = "aws_cdk.aws_lambda.LoggingFormat.JSON"
TEXT = "aws_cdk.aws_lambda.LoggingFormat.TEXT"
LOG_FORMATS = {"aws_cdk.aws_lambda.LogFormat.JSON": "JSON", "aws_cdk.aws_lambda.LogFormat.TEXT": "Text"}
CFN_FUNCTION = "aws_cdk.aws_lambda.CfnFunction"
LOGGING_CONFIG = "aws_cdk.aws_lambda.CfnFunction.LoggingConfigProperty"
#: constructs and methods that read a log group's lines by pattern: they may expect plain text
LOG_READERS = ("aws_cdk.aws_logs.MetricFilter", "aws_cdk.aws_logs.CfnMetricFilter",
               "aws_cdk.aws_logs.SubscriptionFilter", "aws_cdk.aws_logs.CfnSubscriptionFilter")
LOG_READER_METHODS = ("add_metric_filter", "add_subscription_filter")
LOG_GROUP = "aws_cdk.aws_logs.LogGroup"


class LambdaJsonLogging(Rule):
    """
    ## What it does
    Finds Lambda functions that log plain text: no `logging_format` (or the deprecated
    `log_format`), or `LoggingFormat.TEXT`, and sets `logging_format=lambda_.LoggingFormat.JSON`
    (replacing a `log_format`: both together fail synth). A `CfnFunction` gets
    `logging_config=CfnFunction.LoggingConfigProperty(log_format="JSON")` (merged into an
    existing `logging_config`).

    ## Why is this bad?
    Plain-text logs can only be searched by substring; JSON logs carry the level, request id
    and fields as keys, so CloudWatch Logs Insights and metric filters can select and aggregate
    them, and Lambda can filter them by level.

    ## Example
    ```python
    fn = lambda_.Function(self, "Api", runtime=runtime, handler="index.handler", code=code)
    ```
    Use instead:
    ```python
    fn = lambda_.Function(
        self,
        "Api",
        runtime=runtime,
        handler="index.handler",
        code=code,
        logging_format=lambda_.LoggingFormat.JSON,
    )
    ```

    ## Fix safety
    Safe where nothing in the file reads the function's logs by pattern: the function is updated
    in place (same name, ARN, role and log group), and only the shape of its log lines changes
    (application logs of Python 3.8+, Node.js 16+, Java and .NET 8 become JSON objects; the
    platform lines of every runtime too). Code that parses the lines may rely on plain text, so
    the fix is **unsafe** where the file filters the function's log group by pattern
    (`logs.MetricFilter`, `add_metric_filter`, `SubscriptionFilter`... on its `log_group=`, on
    `fn.log_group`, or on a log group the file does not build, which may be the function's), and
    where the code chose plain text explicitly (`LoggingFormat.TEXT`, `log_format="Text"`). JSON
    lines are somewhat larger, so log ingestion costs a little more; the review documents ask for
    structured logs, so the rule is on by default. Values the code computes and calls with a
    `**kwargs` spread are left alone.
    """

    code, name, tier = "CDK405", "lambda-json-logging", Tier.SAFE
    tier_note = "(unsafe where the file filters its log lines or chose plain text)"
    summary = "Lambda functions must write structured (JSON) logs"
    targets = (*FUNCTIONS, CFN_FUNCTION)
    changelog = "Write JSON logs from {count} Lambda {noun}"
    noun = ("function", "functions")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        if call.qualname == CFN_FUNCTION:
            yield from self._l1(call)
            return
        message = "Lambda function writes plain-text logs"
        if call.has("logging_format"):
            if call.value_qualname("logging_format") != TEXT:
                return  # JSON, or a value we cannot know
            yield self._finding(call, call.arg("logging_format"), message + " (logging_format=TEXT)", chosen=True,
                                edits=[call.set_keyword("logging_format", f"`{JSON}`")])
            return
        edits = [call.set_keyword("logging_format", f"`{JSON}`")]
        chosen = False
        if call.has("log_format"):
            current = _log_format(call)
            if current is None:
                return  # a value we cannot know
            chosen = current != "JSON"
            edits.insert(0, call.remove_keyword("log_format"))
        yield self._finding(call, call.arg("log_format") or call.node, message if not chosen else
                            message + " (log_format=\"Text\")", chosen, edits)

    def _l1(self, call: ConstructCall) -> Iterator[Finding]:
        config = call.value("logging_config")
        if config is not None:
            if not (isinstance(config, cst.Call) and call.ctx.call_qualname(config) == LOGGING_CONFIG):
                return
            if E.get_keyword(config, "log_format") is not None:
                return  # the code chose a format (TEXT included, for the L1 we do not guess)
        edit = call.merge_options("logging_config", LOGGING_CONFIG, {"log_format": '"JSON"'})
        if edit is not None:
            yield self._finding(call, call.node, "Lambda function writes plain-text logs", False,
                                [edit, lay_out_edit(call.ctx, call.node)])

    def _finding(self, call: ConstructCall, at: cst.CSTNode, message: str, chosen: bool, edits: list[Edit]) -> Finding:
        reader = _log_reader(call)
        if chosen:
            return self.finding(at, message + ": JSON changes the shape of its log lines, which the code chose as "
                                              "plain text", fix=edits, tier=Tier.UNSAFE)
        if reader is not None:
            return self.finding(at, message + f": JSON changes the shape of its log lines, and this file filters its "
                                              f"log group by pattern ({reader}), which may expect plain text",
                                fix=edits, tier=Tier.UNSAFE)
        return self.finding(at, message, fix=edits)


def _log_format(call: ConstructCall) -> str | None:
    """``"JSON"`` / ``"Text"`` for a literal or ``LogFormat`` member ``log_format``, else None."""
    q = call.value_qualname("log_format")
    if q in LOG_FORMATS:
        return LOG_FORMATS[q]
    value = call.literal("log_format")
    if value is NOT_LITERAL or not isinstance(value, str):
        return None
    return "JSON" if value.upper() == "JSON" else "Text"


def _log_reader(call: ConstructCall) -> str | None:
    """The name of the first construct or method of the file that filters the function's log
    lines by pattern: on its ``log_group=``, on ``fn.log_group``, or on a log group the file does
    not build (it may be the function's). Filters on other log groups of the file do not count."""
    ctx = call.ctx
    readers = [(c.class_name, c.value("log_group")) for c in ctx.calls_of(LOG_READERS)]
    readers += [(method, receiver) for method in LOG_READER_METHODS for _, receiver in ctx.method_calls(method)]
    own = call.value("log_group")
    own_name = None if own is None else dotted_name(own)
    for name, group in readers:
        if group is None:
            continue
        if isinstance(group, cst.Attribute) and group.attr.value == "log_group":
            if call.refers_to(group.value, group):
                return name  # fn.log_group
            if any(isinstance(v, cst.Call) for v in ctx.assigned_values(group.value, group)):
                continue  # the log group of another construct of the file
            return name
        if own_name is not None and dotted_name(group) == own_name:
            return name  # the log group passed as the function's log_group=
        if ctx.constructed_type(group, group) != LOG_GROUP:
            return name  # a log group the file does not build here: it may be the function's
    return None


def suggested_names() -> Iterable[str]:
    return [JSON, TEXT, *LOG_FORMATS, *LOG_READERS, f"{LOGGING_CONFIG}(log_format)", f"{CFN_FUNCTION}(logging_config)",
            "aws_cdk.aws_logs.LogGroup.add_metric_filter", "aws_cdk.aws_logs.LogGroup.add_subscription_filter",
            *(f"{f}(logging_format)" for f in FUNCTIONS if "alpha" not in f)]
