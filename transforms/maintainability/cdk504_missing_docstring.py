from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis.cdk_facts import builds_construct_like, methods_of, stack_classes_of
from remediator.analysis.context import FileContext
from remediator.analysis.rule import Finding, Rule, Tier


class MissingDocstring(Rule):
    """
    ## What it does
    Finds undocumented methods of stack classes (nested stacks included): public methods
    without a docstring, and helper methods (`_create_network`) that build constructs without
    one.

    ## Why is this bad?
    A stack's methods are how readers find their way through it: what a helper builds, what it
    needs from `self`, what a public method offers to the app. Generated stacks in particular
    come as long, unexplained methods.

    ## Example
    ```python
    class DataStack(Stack):
        \"\"\"Buckets and tables of the orders service.\"\"\"

        def grant_readers(self, role):
            self.bucket.grant_read(role)
    ```
    Use instead:
    ```python
    class DataStack(Stack):
        \"\"\"Buckets and tables of the orders service.\"\"\"

        def grant_readers(self, role):
            \"\"\"Let ``role`` read the data bucket.\"\"\"
            self.bucket.grant_read(role)
    ```

    ## Fix safety
    Report only: only the author can say what a method is for. The rule is off by default
    (enable it with `extend-select = ["CDK504"]`), as docstring conventions are a team's choice.
    Dunder methods other than `__init__`, and private helpers that build no construct, are not
    reported, nor methods that override a `Stack` member (`availability_zones`: documented
    there) or `__init__` (the class docstring says what a stack deploys).
    """

    code, name, tier = "CDK504", "missing-docstring", Tier.REPORT
    summary = "Stack methods should say what they build"
    triggers = ("def",)
    default_enabled = False

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        inherited = _stack_members(ctx)
        for cls in stack_classes_of(ctx, nested=True):
            for fn in methods_of(cls):
                name = fn.name.value
                if fn.get_docstring() is not None or name.startswith("__") or name in inherited:
                    continue
                if not name.startswith("_"):
                    yield self.finding(fn.name, f"public method `{cls.name.value}.{name}` has no docstring")
                elif _builds(ctx, fn):
                    yield self.finding(fn.name, f"method `{cls.name.value}.{name}` builds constructs but has "
                                                "no docstring: say what it builds")


def _stack_members(ctx: FileContext) -> frozenset[str]:
    try:
        return ctx.api.attributes("aws_cdk.NestedStack")
    except Exception:  # noqa: BLE001 - no API index: no member is known
        return frozenset()


def _builds(ctx: FileContext, fn: cst.FunctionDef) -> bool:
    return any(ctx.enclosing(call, cst.FunctionDef) is fn and builds_construct_like(ctx, call) for call in ctx.calls)
