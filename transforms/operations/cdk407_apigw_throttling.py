from __future__ import annotations

from typing import Any, Iterable, Iterator

from remediator.analysis.apigateway import REST_APIS, STAGE, stage_settings
from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier

LIMITS = ("throttling_rate_limit", "throttling_burst_limit")


class ApigwThrottling(Rule):
    """
    ## What it does
    Finds REST API stages without throttling limits: a `RestApi` (also `LambdaRestApi`,
    `SpecRestApi`, `StepFunctionsRestApi`) whose `deploy_options` set neither
    `throttling_rate_limit` nor `throttling_burst_limit`, and `apigw.Stage` calls likewise. The
    fix merges both limits into the existing `StageOptions` (or adds one).

    ## Why is this bad?
    Without stage limits one client (or a retry storm) can use the account's whole API Gateway
    quota, shared by every API of the account and region, and drive the backend's cost and load
    without bound.

    ## Example
    ```python
    api = apigw.RestApi(self, "Orders", deploy_options=apigw.StageOptions(stage_name="prod"))
    ```
    Use instead:
    ```python
    api = apigw.RestApi(
        self,
        "Orders",
        deploy_options=apigw.StageOptions(
            stage_name="prod",
            throttling_rate_limit=100,
            throttling_burst_limit=200,
        ),
    )
    ```

    ## Fix safety
    The stage is updated in place and nothing is replaced, but the limits reject traffic above
    them: clients get `429 Too Many Requests` beyond the rate (requests per second) and burst.
    Limits the team has not chosen may cut off a busy API, so the fix is **unsafe** with the
    default limits and **safe** when both limits are set in the configuration (the team chose
    them, e.g. from the API's peak `Count` metric). Stages with per-method settings
    (`method_options`, which may throttle there), `deploy_options` built elsewhere and APIs with
    `deploy=False` (checked at their `apigw.Stage` calls) are left alone. Throttling costs
    nothing; the review documents ask for it, so the rule is on by default.

    ## Options
    `rate-limit` (default `100`): steady-state requests per second for the stage.
    `burst-limit` (default `200`): the burst, in requests.
    """

    code, name, tier = "CDK407", "apigw-throttling", Tier.UNSAFE
    tier_note = "(safe when the limits are configured)"
    summary = "REST API stages must have throttling limits"
    targets = (*REST_APIS, STAGE)
    options = {"rate-limit": 100, "burst-limit": 200}
    changelog = "Throttle {count} REST API {noun}"
    noun = ("stage", "stages")

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        super().__init__(options)
        #: both limits set in the configuration: the team chose them
        self.chosen = {"rate-limit", "burst-limit"} <= set(options or {})

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        settings, _ = stage_settings(call)
        if settings is None or settings.has("method_options") or any(settings.has(k) for k in LIMITS):
            return
        rate, burst = self.settings["rate-limit"], self.settings["burst-limit"]
        edits = settings.merge({"throttling_rate_limit": str(rate), "throttling_burst_limit": str(burst)})
        if not edits:
            return
        message = "REST API stage has no throttling limits"
        if self.chosen:
            yield self.finding(call, message, fix=edits, tier=Tier.SAFE)
            return
        yield self.finding(call, message + f" (the fix limits it to {rate} requests/s, burst {burst}: clients above "
                                           "that get 429; choose the limits with the options rate-limit and "
                                           "burst-limit)", fix=edits)


def suggested_names() -> Iterable[str]:
    return [*(f"aws_cdk.aws_apigateway.StageOptions({k})" for k in (*LIMITS, "method_options")),
            *(f"{STAGE}({k})" for k in LIMITS)]
