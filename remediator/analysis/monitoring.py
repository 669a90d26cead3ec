"""Monitoring already in place: does the file read a given CloudWatch metric of a construct?

A rule that adds an alarm (CDK410) first asks whether the file already watches that metric of
the construct, in any of the ways CDK code does it:

* a metric method of the construct: ``fn.metric_errors()``, ``table.metric_throttled_requests_for_operations()``;
* the generic ``metric`` method with the metric's name: ``table.metric("ReadThrottleEvents")``;
* a ``cloudwatch.Metric(metric_name="Errors", dimensions_map={"FunctionName": fn.function_name})``
  whose arguments mention the construct.

Any of these counts, whatever it feeds (an alarm, a dashboard, a composite): the code's author
has looked at that metric, and a second alarm would be noise.
"""

from __future__ import annotations

from typing import Callable

from remediator.analysis.context import ConstructCall, literal_value
from remediator.analysis.wiring import uses

METRIC = "aws_cdk.aws_cloudwatch.Metric"


def reads_metric(call: ConstructCall, method: Callable[[str], bool], metric_name: Callable[[str], bool]) -> bool:
    """The file reads a metric of ``call``'s construct: through a method whose name ``method``
    accepts, or by a metric name ``metric_name`` accepts (``x.metric(name)``, ``cloudwatch.Metric``)."""
    ctx = call.ctx
    for use in uses(call):
        if use.method is not None:
            if method(use.method):
                return True
            if use.method == "metric" and use.method_call is not None and use.method_call.args:
                name = literal_value(use.method_call.args[0].value)
                if isinstance(name, str) and metric_name(name):
                    return True
            continue
        for node in use.calls:
            if ctx.call_qualname(node) != METRIC:
                continue
            named = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "metric_name"),
                         None)
            name = None if named is None else literal_value(named)
            if isinstance(name, str) and metric_name(name):
                return True
    return False
