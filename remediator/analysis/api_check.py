"""Does a fix produce calls the aws-cdk-lib API accepts?

The fixes of the rules that rewrite API names (``Rule.checks_api``: the CDK1xx rules) are applied
(together first, as the engine will; each on its own when that result has a mismatch) and the
calls they produced are checked against the API index: the number of positional
arguments, keyword names that exist, keyword-only parameters passed by keyword, and required
arguments present. A fix that makes a call the API does not accept (``metric.with_statistic("p99")``
turned into ``metric.with_("p99")``: ``with_`` takes keywords only) is not applied; the finding is
reported with the reason. A problem the call already had before the fix does not count against it,
nor does a required argument missing from a call, as written, whose callee the fix made known.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Sequence

import libcst as cst

from remediator.analysis.apitypes import api_view, infer_type, short

if TYPE_CHECKING:
    from remediator.analysis.context import FileContext
    from remediator.analysis.rule import Finding


def call_params(ctx: "FileContext", call: cst.Call) -> tuple[str, Sequence[Any]] | None:
    """What an aws-cdk-lib call accepts: (its label, its parameters as ``remediator.api.Param``),
    or None when the callee is unknown (another package, a receiver of unknown type)."""
    view = api_view(ctx)
    if view is None:
        return None
    api = view.api
    q = ctx.qualname(call.func)
    if q is not None:
        if not q.startswith("aws_cdk."):
            return None
        if api.is_class(q) or api.is_struct(q):
            params = api.constructor(q)
            return (short(q), params) if params is not None else None
        owner, _, name = q.rpartition(".")
        method = api.method(owner, name) if api.has_type(owner) else None
        return (f"{short(owner)}.{name}", method.params) if method is not None and method.static else None
    if isinstance(call.func, cst.Attribute):
        recv = infer_type(ctx, view, call.func.value)
        if recv is None or not recv.startswith("aws_cdk.") or not view.has_type(recv):
            return None
        method = api.method(recv, call.func.attr.value)
        return (f"{short(recv)}.{call.func.attr.value}", method.params) if method is not None else None
    return None


def call_problems(call: cst.Call, params: Sequence[Any]) -> list[str]:
    """How a call does not match its parameters (empty when it does)."""
    if any(a.star for a in call.args):
        return []  # *args / **kwargs may supply anything
    positional = [a for a in call.args if a.keyword is None]
    keywords = [a.keyword.value for a in call.args if a.keyword is not None]
    in_order = [p for p in params if not p.keyword_only and not p.variadic]
    variadic = any(p.variadic for p in params)
    problems = []
    if len(positional) > len(in_order) and not variadic:
        problems.append(f"takes {len(in_order)} positional argument{'s' if len(in_order) != 1 else ''}, "
                        f"{len(positional)} given")
    bound = {p.name for p in in_order[:len(positional)]}
    names = {p.name for p in params if not p.variadic}
    for k in keywords:
        if k not in names:
            problems.append(f"takes no keyword `{k}`")
        elif k in bound:
            problems.append(f"`{k}` given twice")
    missing = [p.name for p in params if p.required and not p.variadic and p.name not in bound and p.name not in keywords]
    if missing:
        problems.append("is missing " + ", ".join(f"`{m}`" for m in missing))
    return problems


def _all_problems(ctx: "FileContext", revealed: set[str] = frozenset()) -> Counter[str]:  # type: ignore[assignment]
    """The calls' mismatches; a missing required argument of a call in ``revealed`` (its text as
    written) is left out."""
    out: Counter[str] = Counter()
    for call in ctx.calls:
        found = call_params(ctx, call)
        if found is not None:
            text = ctx.module.code_for_node(call)
            out.update(f"`{found[0]}` {p}" for p in call_problems(call, found[1])
                       if not (p.startswith("is missing") and text in revealed))
    return out


class _Before:
    """What the file had before any fix: its calls' mismatches, and the arguments (as written) of
    the calls whose callee the API index does not know."""

    def __init__(self, ctx: "FileContext") -> None:
        self.problems = _all_problems(ctx)
        self.unknown = {_arguments(ctx, call) for call in ctx.calls if call_params(ctx, call) is None}


def _arguments(ctx: "FileContext", call: cst.Call) -> str:
    return "".join(ctx.module.code_for_node(a) for a in call.args)


def new_problems(before: "FileContext", after: "FileContext", known: _Before | None = None) -> list[str]:
    """Call mismatches the change from ``before`` to ``after`` introduced. A required argument that
    a call was already missing, as written, when its callee was unknown (``aws_apigw.X.f()`` fixed
    to ``aws_apigateway.X.f()``) was revealed by the fix, not introduced (CDK112 reports it)."""
    known = _Before(before) if known is None else known
    revealed = {after.module.code_for_node(call) for call in after.calls
                if _arguments(after, call) in known.unknown}
    return sorted((_all_problems(after, revealed) - known.problems).elements())


def keep_conforming(ctx: "FileContext", findings: list["Finding"], line_length: int | None) -> list["Finding"]:
    """The findings whose fixes may be applied: those of ``checks_api`` rules only when the fix
    makes no call the API does not accept. The pass's API fixes are first checked together (what
    the engine will write); only when that result has a new mismatch is each judged on its own. A
    rejected finding keeps its place in the report, without its fix and with the reason."""
    from remediator.analysis.context import FileContext
    from remediator.analysis.edits import apply_fixes

    checked = [f for f in findings if getattr(f.rule, "checks_api", False) and f.fix is not None]
    if not checked:
        return findings
    known = _Before(ctx)
    together, deferred = apply_fixes(ctx.module, [f.fix for f in checked if f.fix is not None], line_length, ctx.parent)
    if not deferred:
        after = FileContext(together, ctx.path, ctx.settings, ctx.project_root, api=ctx._api, app=ctx.app)
        if not new_problems(ctx, after, known):
            return findings
    kept = []
    for finding in findings:
        if not getattr(finding.rule, "checks_api", False) or finding.fix is None:
            kept.append(finding)
            continue
        new_module, deferred = apply_fixes(ctx.module, [finding.fix], line_length, ctx.parent)
        if deferred:
            kept.append(finding)  # the engine defers it as usual
            continue
        after = FileContext(new_module, ctx.path, ctx.settings, ctx.project_root, api=ctx._api, app=ctx.app)
        problems = new_problems(ctx, after, known)
        if problems:
            finding.fix = None
            finding.message += f" (not fixed: the result would not match the API: {problems[0]})"
        else:
            kept.append(finding)
    return kept
