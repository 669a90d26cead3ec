from __future__ import annotations

from typing import Iterable, Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.rule import Edit, Finding, Rule, Tier

APP = "aws_cdk.App"


class RemovedFeatureFlag(Rule):
    """
    ## What it does
    Finds CDK v1 feature flags that CDK v2 removed, set in `App(context={...})` (also through a
    dict variable bound once in the file, its `{**base}` spreads, entries it gets later with
    `context["flag"] = ...` / `context.update({...})`, and `App(**settings)` with a `"context"`
    entry) or with `<construct>.node.set_context("flag", value)`.
    The list of removed flags is aws-cdk-lib's own (`CURRENT_VERSION_EXPIRED_FLAGS` of its cx-api,
    read from the installed aws-cdk-lib by the API index), e.g.
    `@aws-cdk/core:enableStackNameDuplicates`, `@aws-cdk/aws-kms:defaultKeyPolicies`,
    `@aws-cdk/aws-s3:grantWriteWithoutAcl`, `@aws-cdk/aws-secretsmanager:parseOwnedSecretName`,
    `@aws-cdk/aws-efs:defaultEncryptionAtRest`.

    ## Why is this bad?
    CDK v2 always behaves as if these flags were enabled, and it refuses to synthesize when one is
    set at all (to any value) and the feature is used: "Unsupported feature flag ... This flag
    existed on CDKv1 but has been removed in CDKv2". `enableStackNameDuplicates` fails every app
    with a stack; `defaultKeyPolicies` every `kms.Key`. AI assistants still copy v1 `cdk.json`
    contexts into `App(context=...)`.

    ## Example
    ```python
    app = cdk.App(context={"@aws-cdk/core:enableStackNameDuplicates": True, "env": "dev"})
    ```
    Use instead:
    ```python
    app = cdk.App(context={"env": "dev"})
    ```

    ## Fix safety
    Safe: the entry (or the whole `set_context` statement) is removed; CDK v2 behaves exactly as
    with the flag enabled whether it is set or not, so only the synth error goes away. A
    `context=` argument left empty is removed too (when it was written inline). Flags in the
    `context` of the `cdk.json` beside the app file are reported at the `App(...)` call but not
    edited (only Python is rewritten); a `set_context` call that is part of a larger expression
    is reported, not removed.
    """

    code, name, tier = "CDK111", "removed-feature-flag", Tier.SAFE
    summary = "CDK v1 feature flags that CDK v2 rejects at synth"
    targets = (APP,)
    triggers = ("App", "set_context")
    changelog = "Remove {count} CDK v1 {noun}"
    noun = ("feature flag", "feature flags")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        expired = set(call.ctx.api.expired_feature_flags)
        for flag in _cdk_json_flags(call.ctx, expired):
            yield self.finding(call, f"cdk.json next to this app sets CDK v1 feature flag `{flag}`, which CDK v2 "
                                     "rejects at synth when the feature is used; remove it from cdk.json "
                                     "(not edited: only Python is rewritten)")
        value = call.value("context")
        if value is None:
            # App(**settings) with `settings = {"context": {...}}` bound once
            for a in call.node.args:
                if a.star == "**":
                    d = _bound_dict(call.ctx, a.value, call.node)
                    for el in d.elements if d is not None else ():
                        if isinstance(el, cst.DictElement) and literal_value(el.key) == "context":
                            yield from self._in_dict(call.ctx, el.value, call.node, expired)
            return
        if isinstance(value, cst.Dict):
            for flag in _expired_keys(value, expired):
                yield self.finding(_entry(value, flag) or value, _message(flag),
                                   fix=Edit(call.node, replace=lambda n, f=flag: _drop_from_call(n, f)))
            for el in value.elements:  # {**base, ...}
                if isinstance(el, cst.StarredDictElement):
                    yield from self._in_dict(call.ctx, el.value, call.node, expired)
            return
        yield from self._in_dict(call.ctx, value, call.node, expired)

    def _in_dict(self, ctx: FileContext, value: cst.BaseExpression, at: cst.CSTNode, expired: set[str],
                 depth: int = 0) -> Iterator[Finding]:
        """Flags in a context dict written inline or held by a name bound once (in the scope of
        ``at``), including entries the name gets later (`ctx["flag"] = True`, `ctx.update({...})`)."""
        if depth > 3:
            return
        d = value if isinstance(value, cst.Dict) else _bound_dict(ctx, value, at)
        if d is None:
            return
        for flag in _expired_keys(d, expired):
            yield self.finding(_entry(d, flag) or d, _message(flag),
                               fix=Edit(d, replace=lambda n, f=flag: _remove_all(n, f)))
        for el in d.elements:
            if isinstance(el, cst.StarredDictElement):
                yield from self._in_dict(ctx, el.value, at, expired, depth + 1)
        if not isinstance(value, cst.Name):
            return
        scope = ctx.scope_of(at)
        for stmt, small in _statements_in(scope or ctx.module):
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                t = small.targets[0].target
                if isinstance(t, cst.Subscript) and isinstance(t.value, cst.Name) and t.value.value == value.value \
                        and len(t.slice) == 1 and isinstance(t.slice[0].slice, cst.Index):
                    flag = literal_value(t.slice[0].slice.value)
                    if isinstance(flag, str) and flag in expired:
                        target = stmt if len(stmt.body) == 1 else small
                        yield self.finding(t, _message(flag), fix=Edit(target, replace=lambda n: cst.RemovalSentinel.REMOVE))
            elif isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
                f = small.value.func
                args = small.value.args
                if isinstance(f, cst.Attribute) and f.attr.value == "update" and isinstance(f.value, cst.Name) \
                        and f.value.value == value.value and len(args) == 1 and isinstance(args[0].value, cst.Dict) \
                        and not args[0].keyword and not args[0].star:
                    u = args[0].value
                    for flag in _expired_keys(u, expired):
                        fix = Edit(u, replace=lambda n, f=flag: _remove_all(n, f))
                        if len(stmt.body) == 1 and all(isinstance(e, cst.DictElement) and literal_value(e.key) in expired
                                                       for e in u.elements):
                            fix = Edit(stmt, replace=lambda n: cst.RemovalSentinel.REMOVE)  # nothing else to add
                        yield self.finding(_entry(u, flag) or u, _message(flag), fix=fix)

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        if "set_context" not in ctx.source:
            return
        expired = set(ctx.api.expired_feature_flags)
        for call, _receiver in ctx.method_calls("set_context"):
            positional = [a for a in call.args if a.keyword is None and not a.star]
            key_arg = positional[0] if positional else E.get_keyword(call, "key")
            if key_arg is None:
                continue
            flag = literal_value(key_arg.value)
            if not isinstance(flag, str) or flag not in expired:
                continue
            parent = ctx.parent(call)
            stmt = ctx.statement_of(call)
            if isinstance(parent, cst.Expr) and isinstance(stmt, cst.SimpleStatementLine):
                if len(stmt.body) == 1:
                    fix = Edit(stmt, replace=lambda n: cst.RemovalSentinel.REMOVE)
                else:
                    fix = Edit(parent, replace=lambda n: cst.RemovalSentinel.REMOVE)
                yield self.finding(call, _message(flag), fix=fix)
            else:
                yield self.finding(call, _message(flag) + "; the call is part of a larger expression: remove it by hand")


def _bound_dict(ctx: FileContext, name: cst.BaseExpression, at: cst.CSTNode) -> cst.Dict | None:
    """The dict literal a name is bound to, when it is bound exactly once (in the scope of ``at``)."""
    if not isinstance(name, cst.Name):
        return None
    values = ctx.assigned_values(name, at)
    return values[0] if len(values) == 1 and isinstance(values[0], cst.Dict) else None


def _statements_in(scope: cst.CSTNode) -> Iterator[tuple[cst.SimpleStatementLine, cst.BaseSmallStatement]]:
    """The simple statements of a scope (not those of nested functions or classes)."""
    out: list[tuple[cst.SimpleStatementLine, cst.BaseSmallStatement]] = []

    class V(cst.CSTVisitor):
        def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
            out.extend((node, small) for small in node.body)
            return False

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is scope

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return node is scope

    scope.visit(V())
    return iter(out)


def _cdk_json_flags(ctx: FileContext, expired: set[str]) -> list[str]:
    """Removed flags in the ``context`` of the app's cdk.json."""
    return sorted(k for k in ctx.app.cdk_json_keys if k in expired)


def _message(flag: str) -> str:
    return (f"CDK v1 feature flag `{flag}` was removed in CDK v2, which refuses to synthesize when it is set "
            "and the feature is used; remove it")


def _expired_keys(d: cst.Dict, expired: set[str]) -> list[str]:
    out = []
    for el in d.elements:
        if isinstance(el, cst.DictElement):
            key = literal_value(el.key)
            if isinstance(key, str) and key in expired and key not in out:
                out.append(key)
    return out


def _entry(d: cst.Dict, flag: str) -> cst.CSTNode | None:
    for el in d.elements:
        if isinstance(el, cst.DictElement) and literal_value(el.key) == flag:
            return el
    return None


def _drop_from_call(call: cst.CSTNode, flag: str) -> cst.CSTNode:
    assert isinstance(call, cst.Call)
    arg = E.get_keyword(call, "context")
    if arg is None or not isinstance(arg.value, cst.Dict):
        return call
    new = _remove_all(arg.value, flag)
    if not new.elements:
        call = E.remove_keyword(call, "context")
        if not call.args:  # `App(\n)` -> `App()`
            call = call.with_changes(whitespace_before_args=cst.SimpleWhitespace(""))
        return call
    return E.set_keyword(call, "context", new)


def _remove_all(d: cst.Dict, flag: str) -> cst.Dict:
    while _entry(d, flag) is not None:
        before = len(d.elements)
        d = _remove_entry(d, flag)
        if len(d.elements) == before:
            break
    return d


def _remove_entry(d: cst.Dict, flag: str) -> cst.Dict:
    # dict_remove_key matches plain string keys; concatenated/other literal keys are matched here
    for el in d.elements:
        if isinstance(el, cst.DictElement) and literal_value(el.key) == flag:
            if isinstance(el.key, cst.SimpleString):
                return E.dict_remove_key(d, flag)
            elements = [e for e in d.elements if e is not el]
            return d.with_changes(elements=elements)
    return d


def suggested_names() -> Iterable[str]:
    """Names this rule relies on (checked against the API index by tests/test_api_names.py)."""
    yield APP
    yield "aws_cdk.App(context)"
    yield "constructs.Node.set_context(key)"
