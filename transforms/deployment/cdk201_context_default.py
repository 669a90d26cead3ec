from __future__ import annotations

from typing import Any, Iterator

import libcst as cst

from remediator.analysis.cdk_facts import is_environment_key
from remediator.analysis.context import FileContext, literal_value
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Edit, Finding, Rule, Tier

#: where ``a or b`` needs no parentheses: the call's parent node and the field it sits in
_NO_PARENS = (cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Arg, cst.Return, cst.FormattedStringExpression,
              cst.Element, cst.DictElement, cst.Yield, cst.Expr, cst.NamedExpr, cst.Index)

#: methods of a mapping: a context value used like this is a dict, not a name
_MAPPING_USE = {"get", "items", "keys", "values", "setdefault", "copy"}


def _is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


class ContextDefault(Rule):
    """
    ## What it does
    Finds `node.try_get_context("key")` (on `self.node`, `app.node`, `scope.node`...) whose result
    is used with no fallback: no `or` after it, no comparison with `None`, no test of the value.

    ## Why is this bad?
    `try_get_context` returns `None` when the key was not passed with `-c key=value` or set in
    `cdk.json`. The stack still synthesizes, with names like `data-None`, and a later deploy
    with the context set replaces every resource whose name changes.

    ## Example
    ```python
    env = self.node.try_get_context("env")
    s3.Bucket(self, "Data", bucket_name=f"data-{env}")
    ```
    Use instead:
    ```python
    env = self.node.try_get_context("env") or "dev"
    s3.Bucket(self, "Data", bucket_name=f"data-{env}")
    ```

    ## Fix safety
    Safe: the value only changes when the context key is missing (or empty), where it was
    `None` before. Keys naming the environment (`env`, `environment`, `stage`, `deploy_env`...)
    default to the `environment-default` setting (`"dev"`); other keys are fixed only when
    `[tool.remediator.rules.CDK201] defaults` gives their default, else reported. Values used as a
    mapping (`ctx["x"]`, `ctx.get(...)`) are reported, not fixed.
    """

    code, name, tier = "CDK201", "context-default", Tier.SAFE
    summary = "Context lookups need a default"
    triggers = ("try_get_context",)
    options: dict[str, Any] = {"defaults": {}}
    changelog = "Give {count} context {noun} a default"
    noun = ("lookup", "lookups")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        for call, receiver in ctx.method_calls("try_get_context"):
            if not (isinstance(receiver, cst.Attribute) and receiver.attr.value == "node"):
                continue
            if len(call.args) != 1 or call.args[0].star or (
                    call.args[0].keyword is not None and call.args[0].keyword.value != "key"):
                continue
            if self._handled(ctx, call):
                continue
            key = literal_value(call.args[0].value)
            default = self._default(ctx, key)
            shown = f'"{key}"' if isinstance(key, str) else "this key"
            parent = ctx.parent(call)
            if isinstance(parent, cst.Subscript) or (
                    isinstance(parent, cst.Attribute) and parent.attr.value in _MAPPING_USE):
                yield self.finding(call, f"context {shown} is used as a mapping but may be None; "
                                         "give it a default (`or {...}`) or check it", tier=Tier.REPORT)
                continue
            if default is None:
                yield self.finding(call, f"context {shown} has no default: the value is None when it is not "
                                         f"set; add `or <default>` (or set [tool.remediator.rules.CDK201] "
                                         f"defaults)", tier=Tier.REPORT)
                continue
            text = _render(default, call)
            yield self.finding(call, f"context {shown} has no default: add `or {text}`",
                               fix=Edit(call, replace=_add_default(text, _needs_parens(ctx, call))))

    def _default(self, ctx: FileContext, key: Any) -> Any:
        if not isinstance(key, str):
            return None
        configured = self.settings.get("defaults") or {}
        if key in configured:
            return configured[key]
        if is_environment_key(key):
            return ctx.settings.get("environment-default", "dev")
        return None

    # -- is None already handled? -------------------------------------------------------------
    def _handled(self, ctx: FileContext, call: cst.Call) -> bool:
        if _guarded(ctx, call):
            return True
        parent = ctx.parent(call)
        target = None
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is call:
            target = parent.targets[0].target if isinstance(parent, cst.Assign) else parent.target
        elif isinstance(parent, cst.NamedExpr) and parent.value is call:
            target = parent.target
            if _guarded(ctx, parent):
                return True
        if target is None:
            return False
        spelled = dotted_name(target)
        if spelled is None:
            return True  # unpacking and the like: leave alone
        scope = ctx.enclosing(call, cst.ClassDef) if spelled.startswith("self.") else ctx.scope_of(call)
        return any(_guarded(ctx, use) for use in _uses(scope or ctx.module, spelled) if use is not target)


class _Uses(cst.CSTVisitor):
    def __init__(self, spelled: str) -> None:
        self.spelled = spelled
        self.found: list[cst.BaseExpression] = []

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.spelled:
            self.found.append(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if dotted_name(node) == self.spelled:
            self.found.append(node)


def _uses(scope: cst.CSTNode, spelled: str) -> list[cst.BaseExpression]:
    v = _Uses(spelled)
    scope.visit(v)
    return v.found


def _guarded(ctx: FileContext, node: cst.CSTNode) -> bool:
    """The value of ``node`` is tested for None/emptiness where it is used."""
    child, parent = node, ctx.parent(node)
    while isinstance(parent, cst.UnaryOperation) and isinstance(parent.operator, cst.Not):
        child, parent = parent, ctx.parent(parent)
    if isinstance(parent, cst.BooleanOperation):
        return True  # `x or default`, `x and ...`
    if isinstance(parent, cst.Comparison):
        return True  # `x is None`, `x == "prod"`: a comparison never leaks None into names
    if isinstance(parent, cst.ComparisonTarget):
        return True
    if isinstance(parent, (cst.If, cst.While, cst.Assert)) and parent.test is child:
        return True
    if isinstance(parent, cst.IfExp) and parent.test is child:
        return True
    if isinstance(parent, cst.IfExp):  # `x if x is not None else default`: the test handles it
        return _mentions_none_test(parent.test, node)
    if isinstance(parent, cst.Arg) and isinstance(ctx.parent(parent), cst.Call):
        func = ctx.parent(parent).func  # type: ignore[union-attr]
        return isinstance(func, cst.Name) and func.value in ("bool", "isinstance")
    return False


def _mentions_none_test(test: cst.BaseExpression, value: cst.CSTNode) -> bool:
    code = cst.Module([]).code_for_node(value)
    return code in cst.Module([]).code_for_node(test)


def _needs_parens(ctx: FileContext, call: cst.Call) -> bool:
    if call.lpar:
        return False  # the call's own parentheses move to the `or`
    parent = ctx.parent(call)
    if isinstance(parent, (cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return, cst.NamedExpr)):
        return False
    return not isinstance(parent, _NO_PARENS)


def _render(value: Any, call: cst.Call) -> str:
    if isinstance(value, str):
        key = call.args[0].value
        quote = '"'
        if isinstance(key, cst.SimpleString):
            quote = key.quote[-1]
        if quote not in value and "\\" not in value:
            return f"{quote}{value}{quote}"
        return repr(value)
    return repr(value)


def _add_default(text: str, parens: bool):
    default = cst.parse_expression(text)

    def replace(node: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(node, cst.Call)
        lpar, rpar = list(node.lpar), list(node.rpar)
        if parens:
            lpar, rpar = [cst.LeftParen()], [cst.RightParen()]
        return cst.BooleanOperation(left=node.with_changes(lpar=[], rpar=[]), operator=cst.Or(), right=default,
                                    lpar=lpar, rpar=rpar)

    return replace
