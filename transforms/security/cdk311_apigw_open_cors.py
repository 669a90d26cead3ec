from __future__ import annotations

import json
import re
from typing import Iterator

import libcst as cst

from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.rule import Edit, Finding, Rule, Tier

CORS_OPTIONS = ("aws_cdk.aws_apigateway.CorsOptions", "aws_cdk.aws_apigatewayv2.CorsPreflightOptions")
ALL_ORIGINS = "aws_cdk.aws_apigateway.Cors.ALL_ORIGINS"
REST_APIS = ("aws_cdk.aws_apigateway.RestApi", "aws_cdk.aws_apigateway.LambdaRestApi",
             "aws_cdk.aws_apigateway.StepFunctionsRestApi")
_ORIGIN = re.compile(r"^https?://[^\s/*]+(?::\d+)?$")


def suggested_names() -> list[str]:
    return [*CORS_OPTIONS, ALL_ORIGINS, "aws_cdk.aws_apigateway.CorsOptions(allow_origins)",
            *(f"{api}(default_cors_preflight_options)" for api in REST_APIS)]


class ApigwOpenCors(Rule):
    """
    ## What it does
    Finds API Gateway CORS settings that let every web site call the API from a visitor's
    browser: `allow_origins=apigw.Cors.ALL_ORIGINS` or `["*"]` in `apigw.CorsOptions` (a REST
    API's or resource's `default_cors_preflight_options`, `add_cors_preflight`) and in
    `apigwv2.CorsPreflightOptions` (HTTP APIs). With the `allowed-origins` option set, the fix
    writes those origins instead, and also gives a `RestApi` / `LambdaRestApi` without any CORS
    preflight `default_cors_preflight_options=apigw.CorsOptions(allow_origins=[...])`.
    Without the option, findings are reported.

    ## Why is this bad?
    A wildcard origin lets any page a user visits read the API's responses through the user's
    browser; with cookies or other ambient credentials this is a cross-site data leak. The origins
    that should call an API are known: the application's own front ends.

    ## Example
    ```python
    apigw.RestApi(
        self,
        "Api",
        default_cors_preflight_options=apigw.CorsOptions(allow_origins=apigw.Cors.ALL_ORIGINS),
    )
    ```
    Use instead:
    ```python
    apigw.RestApi(
        self,
        "Api",
        default_cors_preflight_options=apigw.CorsOptions(allow_origins=["https://app.example.com"]),
    )
    ```

    (with `allowed-origins = ["https://app.example.com"]` in `[tool.remediator.rules.CDK311]`)

    ## Fix safety
    Safe only with configured origins (`allowed-origins`), which say which front ends the team
    serves: the OPTIONS methods' mock integrations answer with those origins, and browsers on
    other sites are refused, which is the intent. Without the option nothing is changed.
    Adding CORS to an API without any is skipped where the file already builds preflight
    methods by hand (`add_cors_preflight`, an `OPTIONS` method, a resource's
    `default_cors_preflight_options`): a second OPTIONS method fails synth. Note that a Lambda
    proxy integration still sets `Access-Control-Allow-Origin` on its own responses.

    ## Options
    `allowed-origins` (default `[]`): the origins allowed to call the APIs of this project,
    such as `["https://app.example.com"]` (scheme, host and optional port; entries of another
    shape, such as `"*"` or a path, are ignored).
    """

    code, name, tier = "CDK311", "apigw-open-cors", Tier.SAFE
    tier_note = "(with configured origins, else report)"
    summary = "API Gateway CORS must name the allowed origins"
    targets = (*CORS_OPTIONS, *REST_APIS)
    triggers = ("Cors", "RestApi")
    options = {"allowed-origins": []}
    #: the configuration the documented example is fixed with
    example_options = {"allowed-origins": ["https://app.example.com"]}
    changelog = "Restrict CORS to the configured origins on {count} {noun}"
    noun = ("API", "APIs")

    def _origins(self) -> list[str]:
        origins = self.settings.get("allowed-origins") or []
        return [o for o in origins if isinstance(o, str) and _ORIGIN.match(o)]

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.qualname in REST_APIS:
            yield from self._without_cors(call)
            return
        arg = call.arg("allow_origins")
        if arg is None or not _open(call.ctx, arg.value):
            return
        yield from self._open_origins(call.ctx, arg, call.is_true("allow_credentials"))

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        for node, _ in ctx.method_calls("add_cors_preflight"):
            arg = next((a for a in node.args if a.keyword is not None and a.keyword.value == "allow_origins"), None)
            if arg is not None and _open(ctx, arg.value):
                credentials = any(a.keyword is not None and a.keyword.value == "allow_credentials"
                                  and literal_value(a.value) is True for a in node.args)
                yield from self._open_origins(ctx, arg, credentials)

    def _open_origins(self, ctx: FileContext, arg: cst.Arg, credentials: bool) -> Iterator[Finding]:
        shown = ctx.module.code_for_node(arg.value)
        message = f"CORS allows every origin ({shown}): any web site can call this API from its visitors' browsers"
        if credentials:
            message += ", with their credentials"
        origins = self._origins()
        if not origins:
            yield self.finding(arg, message + "; list the front ends' origins (option allowed-origins)",
                               tier=Tier.REPORT)
            return
        yield self.finding(arg, f"{message}: allow {', '.join(origins)} only",
                           fix=Edit.replace_with(arg.value, json.dumps(origins)))

    def _without_cors(self, call: ConstructCall) -> Iterator[Finding]:
        origins = self._origins()
        if not origins or call.has("default_cors_preflight_options") or call.has_kwargs_spread:
            return
        source = call.ctx.source
        if "add_cors_preflight" in source or "default_cors_preflight_options" in source or "OPTIONS" in source:
            return  # preflight methods built by hand: a second OPTIONS method fails synth
        yield self.finding(call, f"REST API has no CORS preflight while the project names its origins: allow "
                                 f"{', '.join(origins)}",
                           fix=call.set_keyword("default_cors_preflight_options",
                                                f"`aws_cdk.aws_apigateway.CorsOptions`(allow_origins={json.dumps(origins)})"))


def _open(ctx: FileContext, value: cst.BaseExpression) -> bool:
    """``Cors.ALL_ORIGINS`` or a list with ``"*"``."""
    if ctx.qualname(value) == ALL_ORIGINS:
        return True
    return isinstance(value, (cst.List, cst.Tuple)) and any(
        isinstance(e, cst.Element) and literal_value(e.value) == "*" for e in value.elements)
