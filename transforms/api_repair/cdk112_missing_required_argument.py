from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, Sequence

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.apigateway import STANDARD_LOG_FIELDS
from remediator.analysis.context import NOT_LITERAL, FileContext, literal_value
from remediator.analysis.durations import member_for_days
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier

#: calls whose missing required arguments have one determined value: every missing parameter of
#: these is a boolean whose documented meaning is "include this field" (the jsii docs of
#: JsonWithStandardFieldProps: "If this flag is enabled, the <field> will be output to the log")
#: parameter names reviewed for that meaning; a required parameter outside the list (a newer
#: aws-cdk-lib may add one) is reported instead of being filled
FILL_TRUE = {
    "aws_cdk.aws_apigateway.AccessLogFormat.json_with_standard_fields": (
        "include every standard field",
        STANDARD_LOG_FIELDS,
    ),
}

MAX_LISTED = 12


def member_for_value(members: Sequence[str], value: Any) -> tuple[str | None, str]:
    """The member a literal passed to an enum's constructor means, and how it was matched."""
    if isinstance(value, str):
        norm = re.sub(r"[\s\-.]+", "_", value.strip()).upper()
        hits = [m for m in members if m == norm]
        return (hits[0], "by name") if len(hits) == 1 else (None, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        member = member_for_days(members, value)
        return (member, "by its number of days") if member is not None else (None, "")
    return None, ""


class MissingRequiredArgument(Rule):
    """
    ## What it does
    Finds calls of the aws-cdk-lib API that cannot run:
    - a constructor, static method or method (of an object whose class is known from the file)
      called without one of its required arguments, e.g.
      `apigw.AccessLogFormat.json_with_standard_fields()`, which takes nine required keyword-only
      booleans, or `dynamodb.Attribute(name="pk")` without `type`;
    - a jsii enum constructed by value, `logs.RetentionDays(7)`: jsii enums are not int-valued
      (their Python values are the member names), so the call raises `ValueError`.
    Which arguments are required comes from the API index (the jsii assembly of the installed
    aws-cdk-lib).

    ## Why is this bad?
    Both raise while the app is built (`TypeError: ... missing 9 required keyword-only
    arguments`, `ValueError: 7 is not a valid RetentionDays`): nothing synthesizes.

    ## Example
    ```python
    log_format = apigw.AccessLogFormat.json_with_standard_fields()
    logs.LogGroup(self, "Logs", retention=logs.RetentionDays(7))
    ```
    Use instead:
    ```python
    log_format = apigw.AccessLogFormat.json_with_standard_fields(
        caller=True,
        http_method=True,
        ip=True,
        protocol=True,
        request_time=True,
        resource_path=True,
        response_length=True,
        status=True,
        user=True,
    )
    logs.LogGroup(self, "Logs", retention=logs.RetentionDays.ONE_WEEK)
    ```

    ## Fix safety
    Safe when the value is determined: `json_with_standard_fields` gets every missing field
    `=True` (each flag means "include this field in the access log"; the ones given are kept);
    an enum built from a literal becomes the one member of that meaning: a string matching a
    member's name (`"pay_per_request"` -> `PAY_PER_REQUEST`) or, for duration enums, a number of
    days inside exactly one member's span (`7` -> `ONE_WEEK`, `731` -> `TWO_YEARS`, `400` ->
    `THIRTEEN_MONTHS`). Any other missing argument, and an enum built from a computed value or a
    number no member means, is reported with the missing names or the members to choose from.
    """

    code, name, tier = "CDK112", "missing-required-argument", Tier.SAFE
    checks_api = True
    tier_note = "when determined"
    summary = "Calls that omit required arguments or build a jsii enum from a value"
    triggers = ("aws_cdk",)
    changelog = "Complete {count} {noun}"
    noun = ("call with missing arguments", "calls with missing arguments")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        api = ctx.api
        for call in ctx.calls:
            if any(a.star for a in call.args):
                continue  # *args / **kwargs may supply anything
            q = ctx.call_qualname(call)
            if q is None:
                yield from self._instance_method(ctx, api, call)
                continue
            kind = api.kind(q)
            if kind == "enum":
                yield from self._enum(ctx, api, call, q)
            elif kind in ("class", "struct"):
                if kind == "class" and api.is_abstract(q):
                    continue
                params = api.constructor(q)
                if params is not None:
                    yield from self._required(ctx, call, q, params)
            else:
                resolved = api.resolve(q)
                if resolved is None or resolved[0] != "member":
                    continue
                owner, method_name = resolved[1], q.rsplit(".", 1)[1]
                method = api.method(owner, method_name)
                if method is not None and method.static:
                    yield from self._required(ctx, call, q, method.params)

    # -- missing arguments --------------------------------------------------------------------------
    def _instance_method(self, ctx: FileContext, api: Any, call: cst.Call) -> Iterator[Finding]:
        if not isinstance(call.func, cst.Attribute):
            return
        owner = ctx.constructed_type(call.func.value, call)
        if owner is None or api.kind(owner) != "class":
            return
        method = api.method(owner, call.func.attr.value)
        if method is None or method.static:
            return
        yield from self._required(ctx, call, f"{owner}.{method.name}", method.params)

    def _required(self, ctx: FileContext, call: cst.Call, q: str, params: Sequence[Any]) -> Iterator[Finding]:
        positional = [a for a in call.args if a.keyword is None]
        given = {a.keyword.value for a in call.args if a.keyword is not None}
        slots = [p for p in params if not p.keyword_only and not p.variadic]
        covered = {p.name for p in slots[: len(positional)]}
        missing = [p for p in params if p.required and not p.variadic and p.name not in covered and p.name not in given]
        if not missing:
            return
        names = ", ".join(f"`{p.name}`" for p in missing)
        plural = "s" if len(missing) > 1 else ""
        label = ctx.module.code_for_node(call.func)
        head = f"`{label}()` is missing required argument{plural} {names} (TypeError when the app runs)"
        why, reviewed = FILL_TRUE.get(q, (None, ()))
        if why is not None and all(p.keyword_only and p.type == "bool" and p.name in reviewed for p in missing):
            yield self.finding(call, f"{head}; set {'them' if plural else 'it'} to True ({why})",
                               fix=_fill(ctx, call, [p.name for p in missing], "True"))
            return
        yield self.finding(call, head)

    # -- enums built from a value -------------------------------------------------------------------
    def _enum(self, ctx: FileContext, api: Any, call: cst.Call, q: str) -> Iterator[Finding]:
        members = list(api.enum_members(q))
        spelled = ctx.module.code_for_node(call.func)
        listed = ", ".join(members[:MAX_LISTED]) + (", …" if len(members) > MAX_LISTED else "")
        head = (f"`{spelled}(...)` builds a jsii enum from a value (ValueError: jsii enums are not int-valued; "
                "their values are the member names)")
        if len(call.args) != 1 or call.args[0].keyword is not None:
            yield self.finding(call, f"{head}; name a member: {listed}")
            return
        arg = call.args[0].value
        if isinstance(arg, cst.IfExp):  # `RetentionDays(7 if prod else 3)`: each literal mapped
            branches = [literal_value(arg.body), literal_value(arg.orelse)]
            picked = [member_for_value(members, v)[0] if v is not NOT_LITERAL else None for v in branches]
            if None in picked or any(isinstance(v, str) and v in members for v in branches):
                yield self.finding(call, f"{head}; name a member in each branch: {listed}")
                return
            test = ctx.module.code_for_node(arg.test)
            choice = f"{spelled}.{picked[0]} if {test} else {spelled}.{picked[1]}"
            yield self.finding(call, f"{head}; use `{choice}` (matched by number of days)",
                               fix=Edit.replace_with(call, choice))
            return
        value = literal_value(arg)
        if value is NOT_LITERAL:
            yield self.finding(call, f"{head}; the value is computed: name a member instead: {listed}")
            return
        if isinstance(value, str) and value in members:
            return  # `RetentionDays("ONE_WEEK")` looks the member up by its value, which is its name
        member, how = member_for_value(members, value)
        if member is None:
            yield self.finding(call, f"{head}; no single member means {value!r}: choose one of {listed}")
            return
        yield self.finding(call, f"{head}; use `{spelled}.{member}` (matched {how})",
                           fix=Edit(call, replace=lambda n, m=member: cst.Attribute(
                               value=n.func if isinstance(n, cst.Call) else cst.parse_expression(spelled),
                               attr=cst.Name(m))))


def _fill(ctx: FileContext, call: cst.Call, names: list[str], value: str) -> Fix:
    """Keywords ``name=value`` for every name. A call already laid out over several lines keeps its
    layout; a one-line call that would grow past ``MAX_LINE`` gets one argument per line."""
    line = ctx.source.splitlines()[ctx.position(call)[0] - 1]
    indent = line[: len(line) - len(line.lstrip())]
    multiline = "\n" in ctx.module.code_for_node(call)
    grows = len(line) + sum(len(n) + len(value) + 3 for n in names) > MAX_LINE

    def add(node: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(node, cst.Call)
        if multiline or not grows:
            for n in names:
                if E.get_keyword(node, n) is None:
                    node = E.set_keyword(node, n, value)
            return node
        args = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=cst.SimpleWhitespace(""))
                for a in node.args]
        args += [E.make_arg(n, value) for n in names if E.get_keyword(node, n) is None]
        return _one_per_line(node, args, indent)

    return Fix([Edit(call, replace=add)])


MAX_LINE = 100


def _one_per_line(call: cst.Call, args: list[cst.Arg], indent: str) -> cst.Call:
    inner = indent + "    "
    out = []
    for i, arg in enumerate(args):
        last = i == len(args) - 1
        after = cst.ParenthesizedWhitespace(first_line=cst.TrailingWhitespace(), indent=False,
                                            last_line=cst.SimpleWhitespace(indent if last else inner))
        out.append(arg.with_changes(comma=cst.Comma(whitespace_after=after)))
    first = cst.ParenthesizedWhitespace(first_line=cst.TrailingWhitespace(), indent=False,
                                        last_line=cst.SimpleWhitespace(inner))
    return call.with_changes(args=out, whitespace_before_args=first)


def suggested_names() -> Iterable[str]:
    """Names this rule writes (checked against the API index by tests/test_api_names.py)."""
    # members named in this rule's documentation and messages
    for member in ("ONE_WEEK", "TWO_YEARS", "THIRTEEN_MONTHS"):
        yield f"aws_cdk.aws_logs.RetentionDays.{member}"
    yield "aws_cdk.aws_dynamodb.BillingMode.PAY_PER_REQUEST"
    for q, (_why, names) in FILL_TRUE.items():
        yield q
        for name in names:
            yield f"{q}({name})"
