"""API Gateway REST API stages: where a stage's settings are written, and how to add to them.

A REST API built with ``deploy=True`` (the default) gets its stage from ``deploy_options=
apigw.StageOptions(...)``; an API built with ``deploy=False`` gets its stages from separate
``apigw.Stage(...)`` calls, whose settings are keywords of the call itself. Rules that add stage
settings (access logging CDK406, throttling CDK407) read and merge through :func:`stage_settings`,
so that both write into the same options object, never a second one.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.context import ConstructCall, lay_out_edit
from remediator.analysis.edits import Edit

#: REST APIs whose stage comes from ``deploy_options`` (RestApi and the aws-cdk-lib classes deriving from it)
REST_APIS = (
    "aws_cdk.aws_apigateway.RestApi",
    "aws_cdk.aws_apigateway.LambdaRestApi",
    "aws_cdk.aws_apigateway.SpecRestApi",
    "aws_cdk.aws_apigateway.StepFunctionsRestApi",
)
STAGE = "aws_cdk.aws_apigateway.Stage"
STAGE_OPTIONS = "aws_cdk.aws_apigateway.StageOptions"
#: the fields of ``AccessLogFormat.json_with_standard_fields``, all required keyword-only booleans
#: whose jsii docs read "If this flag is enabled, the <field> will be output to the log"
STANDARD_LOG_FIELDS = ("caller", "http_method", "ip", "protocol", "request_time", "resource_path", "response_length",
                       "status", "user")


@dataclass
class StageSettings:
    """The settings of the stage a call defines (a REST API's deployment stage, or a Stage)."""

    call: ConstructCall
    #: the call whose keywords are the stage's settings: the StageOptions call, the Stage itself,
    #: or None when the API has no ``deploy_options`` yet
    options: cst.Call | None

    def has(self, name: str) -> bool:
        return self.options is not None and E.get_keyword(self.options, name) is not None

    def value(self, name: str) -> cst.BaseExpression | None:
        arg = None if self.options is None else E.get_keyword(self.options, name)
        return None if arg is None else arg.value

    def merge(self, values: dict[str, str]) -> list[Edit]:
        """Edits that set ``values`` (name -> code template) the stage does not set yet, in its
        options object (added when missing), laid out one argument per line where too long."""
        call = self.call
        if self.options is None or self.options is call.value("deploy_options"):
            merged = call.merge_options("deploy_options", STAGE_OPTIONS, values)
            edits = [] if merged is None else [merged, lay_out_edit(call.ctx, call.node)]
        else:  # a Stage, or options bound to a name: their own keywords
            target = ConstructCall(call.ctx, self.options, call.ctx.call_qualname(self.options) or STAGE_OPTIONS)
            edits = [target.set_keyword(k, v) for k, v in values.items() if not self.has(k)]
            if edits:
                edits.append(lay_out_edit(call.ctx, self.options))
        return edits


def stage_settings(call: ConstructCall) -> tuple[StageSettings | None, str | None]:
    """The stage settings of a REST API or Stage call, or (None, why) when there is no stage to
    set (``deploy=False``: the stages are separate ``Stage`` calls; why is None) or its options
    are built where they cannot be merged into (``deploy_options=make_options()``)."""
    if call.qualname == STAGE:
        return StageSettings(call, call.node), None
    if call.literal("deploy") is False:
        return None, None
    options = call.value("deploy_options")
    if options is None:
        return StageSettings(call, None), None
    if isinstance(options, cst.Name):  # options = apigw.StageOptions(...) earlier in the scope
        values = call.ctx.assigned_values(options, call.node)
        if len(values) != 1 or call.ctx.scopes.rebound_at(options):
            return None, "its deploy_options are built elsewhere"
        options = values[0]
    if isinstance(options, cst.Call) and call.ctx.call_qualname(options) == STAGE_OPTIONS:
        if any(a.star == "**" for a in options.args):
            return None, "its deploy_options are built with a ** spread"
        return StageSettings(call, options), None
    return None, "its deploy_options are built elsewhere"
