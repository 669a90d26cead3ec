from __future__ import annotations

from typing import Iterator

from remediator.analysis.cdk_facts import FUNCTIONS, L1_FUNCTIONS
from remediator.analysis.context import NOT_LITERAL, ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier

KEYWORD = "reserved_concurrent_executions"


def suggested_names() -> list[str]:
    return [f"aws_cdk.aws_lambda.Function({KEYWORD})", f"aws_cdk.aws_lambda.CfnFunction({KEYWORD})"]


class LambdaReservedConcurrency(Rule):
    """
    ## What it does
    Finds Lambda functions that reserve concurrency, `reserved_concurrent_executions=N` with
    `N > 0` (`Function`, `DockerImageFunction`, `SingletonFunction`, `NodejsFunction`,
    `PythonFunction`, `GoFunction`, `TriggerFunction`, and the L1 `CfnFunction`s), and removes
    the keyword. Off by default: enable it with `--extend-select CDK203` (or `extend-select`).

    ## Why is this bad?
    Reserved concurrency is taken out of the account's regional pool, and Lambda keeps at least
    100 (on new accounts, all 10) executions unreserved: the deployment fails with "Specified
    ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution
    below its minimum value" on any account whose limit is low or already reserved, as review
    documents keep finding for assistant-written stacks.

    ## Example
    ```python
    lambda_.Function(self, "Worker", **props, reserved_concurrent_executions=10)
    ```
    Use instead:
    ```python
    lambda_.Function(self, "Worker", **props)
    ```

    ## Fix safety
    **Unsafe**, and the rule is **off by default**: without the reservation the function is no
    longer capped (it can scale past N and press on what it calls) nor guaranteed N executions,
    and checkov's CKV_AWS_115 asks for reserved concurrency, so teams that follow checkov keep
    it. `reserved_concurrent_executions=0` (a function switched off on purpose) is no finding;
    a value that is not a literal is reported without a fix (it may be 0).
    """

    code, name, tier = "CDK203", "lambda-reserved-concurrency", Tier.UNSAFE
    summary = "Lambda functions should not reserve concurrency (deploys fail on low-limit accounts)"
    targets = FUNCTIONS + L1_FUNCTIONS
    triggers = (KEYWORD,)
    default_enabled = False
    changelog = "Remove reserved concurrency from {count} Lambda {noun}"
    noun = ("function", "functions")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        arg = call.arg(KEYWORD)
        if arg is None:
            return
        value = call.literal(KEYWORD)
        if value == 0 and not isinstance(value, bool):
            return  # the function is throttled to zero on purpose: it reserves nothing from the pool
        why = ("reserving Lambda concurrency fails the deployment on accounts whose unreserved concurrency would "
               "drop below the minimum (10 on new accounts)")
        if value is NOT_LITERAL or not isinstance(value, int):
            yield self.finding(arg, f"{why}; not changed: the value is not known here (0 switches the function off)",
                               tier=Tier.REPORT)
            return
        yield self.finding(arg, f"{why}: remove `{KEYWORD}={value}`; unsafe: the function is then neither capped "
                                f"at nor guaranteed {value} concurrent executions (checkov CKV_AWS_115 wants a "
                                "reservation)", fix=call.remove_keyword(KEYWORD))
