from __future__ import annotations

from typing import Any, Iterator

import libcst as cst

from remediator.analysis.cdk_facts import LOWER_CASE_NAMES, is_environment_key, physical_name_keywords
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
    is used with no fallback: no `or` after it, no comparison with `None`, no test of the value,
    for a key that the app's `cdk.json` (`context`) and `cdk.context.json` do not set.

    ## Why is this bad?
    `try_get_context` returns `None` when the key was not passed with `-c key=value` or set in
    `cdk.json`. Depending on how the value is used, synth fails (`"data-" + None`: TypeError) or,
    worse, succeeds with names like `data-None`; a later deploy with the context set then renames,
    and so replaces, every resource named from it.

    ## Example
    ```python
    env = self.node.try_get_context("env")
    s3.Bucket(self, "Data", bucket_name="data-" + env)
    ```
    Use instead:
    ```python
    env = self.node.try_get_context("env") or "dev"
    s3.Bucket(self, "Data", bucket_name="data-" + env)
    ```

    ## Fix safety
    The fix only changes the value when the key is missing (or empty), where it was `None`.
    It is **safe** where `None` could not have been deployed: every use of the value fails on
    `None` (`"data-" + env`, `env.upper()`, `env["x"]`), so no stack can have been deployed
    without the key. It is **unsafe** where `None` may already be deployed: the value is formatted
    into a string (`f"data-{env}"`, `"{}".format(env)`, `str(env)`) or handed to other code, so a
    stack deployed without the key has resources named `...-None`, and the default renames them —
    a renamed bucket, table or function is replaced (the finding names the resources it can see).
    Keys the app sets in `cdk.json` or `cdk.context.json` are not findings, nor a value passed
    straight to a physical-name keyword (`bucket_name=self.node.try_get_context("bucket")`: `None`
    lets CloudFormation generate the name). Keys naming the environment (`env`, `environment`,
    `stage`, `deploy_env`...) default to the `environment-default` setting (`"dev"`); other keys
    are fixed only when `[tool.remediator.rules.CDK201] defaults` gives their default, else
    reported. Values used as a mapping (`ctx["x"]`, `ctx.get(...)`) are reported, not fixed.
    """

    code, name, tier = "CDK201", "context-default", Tier.SAFE
    tier_note = "where None fails synth (unsafe where it renames)"
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
            key = literal_value(call.args[0].value)
            if isinstance(key, str) and ctx.app.sets(key):
                continue  # cdk.json / cdk.context.json give it a value
            uses = _uses_of_value(ctx, call)
            if uses is None:
                continue  # None is handled where the value is used
            if uses and all(_names_resource(ctx, u) for u in uses):
                continue  # None there means "let CloudFormation name it"
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
            fix = Edit(call, replace=_add_default(text, _needs_parens(ctx, call)))
            if all(_fails_on_none(ctx, u) for u in uses):
                yield self.finding(call, f"context {shown} has no default (synth fails without it): add `or {text}`",
                                   fix=fix)
                continue
            named = _named_resources(ctx, uses)
            renamed = (f"renames {named} in stacks deployed without it (a renamed resource is replaced)" if named
                       else "may rename resources named from it in stacks deployed without it")
            yield self.finding(call, f"context {shown} has no default: add `or {text}`; the default {renamed}",
                               fix=fix, tier=Tier.UNSAFE)

    def _default(self, ctx: FileContext, key: Any) -> Any:
        if not isinstance(key, str):
            return None
        configured = self.settings.get("defaults") or {}
        if key in configured:
            return configured[key]
        if is_environment_key(key):
            return ctx.settings.get("environment-default", "dev")
        return None


def _uses_of_value(ctx: FileContext, call: cst.Call) -> list[cst.CSTNode] | None:
    """Where the looked-up value is used: the call itself when used in place, else every read of
    the name it is assigned to. None when a use handles None (a test, ``or``, a comparison), or
    when the value goes where it cannot be followed (unpacking)."""
    if _guarded(ctx, call):
        return None
    parent = ctx.parent(call)
    target = None
    if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is call:
        target = parent.targets[0].target if isinstance(parent, cst.Assign) else parent.target
    elif isinstance(parent, cst.NamedExpr) and parent.value is call:
        if _guarded(ctx, parent):
            return None
        target = parent.target
    if target is None:
        return [call]
    spelled = dotted_name(target)
    if spelled is None:
        return None  # unpacking and the like: leave alone
    scope = ctx.enclosing(call, cst.ClassDef) if spelled.startswith("self.") else ctx.scope_of(call)
    uses = [u for u in _uses(ctx, scope or ctx.module, spelled) if u is not target]
    if any(_guarded(ctx, u) for u in uses):
        return None
    return uses


def _argument_of(ctx: FileContext, use: cst.CSTNode) -> tuple[cst.Arg, cst.Call] | None:
    parent = ctx.parent(use)
    if isinstance(parent, cst.Arg) and parent.value is use and isinstance(ctx.parent(parent), cst.Call):
        return parent, ctx.parent(parent)  # type: ignore[return-value]
    return None


def _names_resource(ctx: FileContext, use: cst.CSTNode) -> bool:
    """The value is passed as is to a construct's physical-name keyword (``bucket_name=value``)."""
    found = _argument_of(ctx, use)
    if found is None or found[0].keyword is None:
        return False
    q = ctx.call_qualname(found[1])
    return q is not None and found[0].keyword.value in physical_name_keywords(q)


def _fails_on_none(ctx: FileContext, use: cst.CSTNode) -> bool:
    """``None`` at this use raises while the app runs: ``"x-" + v``, ``v.upper()``, ``v[0]``, ``len(v)``."""
    parent = ctx.parent(use)
    if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
        other = parent.right if parent.left is use else parent.left
        return isinstance(other, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString))
    if isinstance(parent, cst.Attribute) and parent.value is use:
        return True
    if isinstance(parent, cst.Subscript) and parent.value is use:
        return True
    if _formatted_into_lower_case_name(ctx, use):
        return True
    found = _argument_of(ctx, use)
    if found is None:
        return False
    arg, call = found
    if isinstance(call.func, cst.Name) and call.func.value in ("len", "int", "float"):
        return True
    return _required_cdk_parameter(ctx, call, arg)


def _formatted_into_lower_case_name(ctx: FileContext, use: cst.CSTNode) -> bool:
    """The value is formatted into an S3 bucket (or ECR repository) name: ``data-None`` breaks the
    name's lower-case rule, so synth or the deployment fails without the key."""
    node: cst.CSTNode | None = ctx.parent(use)
    while node is not None and not isinstance(node, (cst.Arg, cst.BaseSmallStatement, cst.BaseCompoundStatement)):
        node = ctx.parent(node)
    if not isinstance(node, cst.Arg) or node.keyword is None or node.value is use:
        return False
    call = ctx.parent(node)
    q = ctx.call_qualname(call) if isinstance(call, cst.Call) else None
    return (q, node.keyword.value) in LOWER_CASE_NAMES


def _required_cdk_parameter(ctx: FileContext, call: cst.Call, arg: cst.Arg) -> bool:
    """``arg`` is a required parameter of an aws-cdk-lib constructor or static method: jsii raises
    a TypeError for ``None`` there (``ec2.IpAddresses.cidr(None)``)."""
    q = ctx.call_qualname(call)
    if q is None or not q.startswith("aws_cdk."):
        return False
    api = ctx.api
    params = api.constructor(q) if api.is_class(q) else None
    if params is None:
        owner, _, name = q.rpartition(".")
        method = api.method(owner, name) if api.has_type(owner) else None
        params = method.params if method is not None and method.static else None
    if params is None:
        return False
    if arg.keyword is not None:
        param = next((p for p in params if p.name == arg.keyword.value), None)
    else:
        positional = [a for a in call.args if a.keyword is None and not a.star]
        index = positional.index(arg)
        plain = [p for p in params if not p.keyword_only]
        param = plain[index] if index < len(plain) and not plain[index].variadic else None
    return param is not None and param.required


def _named_resources(ctx: FileContext, uses: list[cst.CSTNode]) -> str:
    """The constructs (``Bucket "Data"``) whose physical name is built from the value, as far as the
    file shows: the value formatted into a string passed to their physical-name keyword."""
    out = []
    for use in uses:
        node: cst.CSTNode | None = use
        while node is not None and not isinstance(node, (cst.Arg, cst.BaseSmallStatement)):
            node = ctx.parent(node)
        if not isinstance(node, cst.Arg) or node.keyword is None or not isinstance(ctx.parent(node), cst.Call):
            continue
        call = ctx.parent(node)
        q = ctx.call_qualname(call)  # type: ignore[arg-type]
        if q is None or node.keyword.value not in physical_name_keywords(q):
            continue
        positional = [a for a in call.args if a.keyword is None and not a.star]  # type: ignore[union-attr]
        cid = literal_value(positional[1].value) if len(positional) > 1 else None
        out.append(f"{q.rsplit('.', 1)[-1]} {cid!r}" if isinstance(cid, str) else q.rsplit(".", 1)[-1])
    return ", ".join(dict.fromkeys(out))


def _uses(ctx: FileContext, scope: cst.CSTNode, spelled: str) -> list[cst.BaseExpression]:
    """Reads (and assignments) of a name or ``self.x`` inside ``scope``."""
    if "." in spelled:
        found: list[cst.BaseExpression] = [a for a in ctx.attributes if dotted_name(a) == spelled]
    else:
        found = list(ctx.references.get(spelled, ()))
    return [n for n in found if scope is ctx.module or any(a is scope for a in ctx.ancestors(n))]


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
