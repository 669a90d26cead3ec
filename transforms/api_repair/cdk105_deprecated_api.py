from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

import libcst as cst

from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.rule import Finding, Rule, Tier

# A value transform: (call, old value node) -> code template for the new keyword, or None when the
# value cannot be mapped (then the finding is reported, not fixed).
ValueMap = Callable[[ConstructCall, cst.BaseExpression], "str | None"]


def _source(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _wrap_struct(struct: str, field: str) -> ValueMap:
    """``old=v`` -> ``new=Struct(field=v)`` (any value: the struct field has the old type)."""
    return lambda call, value: f"`{struct}`({field}={_source(value)})"


def _to_enum(old_enum: str | None, new_enum: str, members: tuple[str, ...]) -> ValueMap:
    """A string literal (or a member of the old enum) -> the member of the new enum of that name."""
    by_upper = {m.upper(): m for m in members}

    def mapper(call: ConstructCall, value: cst.BaseExpression) -> str | None:
        lit = literal_value(value)
        name = None
        if isinstance(lit, str):
            name = by_upper.get(lit.upper())
        else:
            q = call.ctx.qualname(value)
            if q is not None and q.rsplit(".", 1)[0] in {e for e in (old_enum, new_enum) if e}:
                name = by_upper.get(q.rsplit(".", 1)[1].upper())
        return None if name is None else f"`{new_enum}`.{name}"

    return mapper


def _bool_to_enum(enum: str, true: str, false: str) -> ValueMap:
    def mapper(call: ConstructCall, value: cst.BaseExpression) -> str | None:
        lit = literal_value(value)
        if lit is True:
            return f"`{enum}`.{true}"
        if lit is False:
            return f"`{enum}`.{false}"
        return None

    return mapper


def _call_with(factory: str) -> ValueMap:
    return lambda call, value: f"`{factory}`({_source(value)})"


@dataclass(frozen=True)
class Migration:
    """A reviewed replacement whose value changes form (verified by synth: same template, and
    setting both keywords fails synth)."""

    new: str
    value: ValueMap
    #: names the migration can write (checked against the API index by tests/test_api_names.py)
    names: tuple[str, ...]
    #: setting the old and the new keyword together fails synth (verified)
    exclusive: bool = True


_LAMBDA = "aws_cdk.aws_lambda"
#: old keyword -> migration; applies to every class whose constructor has ``old`` deprecated in
#: favour of ``new`` (Function, SingletonFunction, NodejsFunction... all inherit the Lambda ones).
REVIEWED: dict[str, Migration] = {
    "point_in_time_recovery": Migration(
        "point_in_time_recovery_specification",
        _wrap_struct("aws_cdk.aws_dynamodb.PointInTimeRecoverySpecification", "point_in_time_recovery_enabled"),
        ("aws_cdk.aws_dynamodb.Table(point_in_time_recovery_specification)",
         "aws_cdk.aws_dynamodb.TableV2(point_in_time_recovery_specification)",
         "aws_cdk.aws_dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled)")),
    "contributor_insights_enabled": Migration(
        "contributor_insights_specification",
        _wrap_struct("aws_cdk.aws_dynamodb.ContributorInsightsSpecification", "enabled"),
        ("aws_cdk.aws_dynamodb.Table(contributor_insights_specification)",
         "aws_cdk.aws_dynamodb.ContributorInsightsSpecification(enabled)")),
    "contributor_insights": Migration(
        "contributor_insights_specification",
        _wrap_struct("aws_cdk.aws_dynamodb.ContributorInsightsSpecification", "enabled"),
        ("aws_cdk.aws_dynamodb.TableV2(contributor_insights_specification)",
         "aws_cdk.aws_dynamodb.ContributorInsightsSpecification(enabled)")),
    "log_format": Migration(
        "logging_format",
        _to_enum(f"{_LAMBDA}.LogFormat", f"{_LAMBDA}.LoggingFormat", ("TEXT", "JSON")),
        (f"{_LAMBDA}.Function(logging_format)", f"{_LAMBDA}.LoggingFormat.TEXT", f"{_LAMBDA}.LoggingFormat.JSON")),
    "application_log_level": Migration(
        "application_log_level_v2",
        _to_enum(None, f"{_LAMBDA}.ApplicationLogLevel", ("INFO", "DEBUG", "WARN", "TRACE", "ERROR", "FATAL")),
        (f"{_LAMBDA}.Function(application_log_level_v2)",
         *(f"{_LAMBDA}.ApplicationLogLevel.{m}" for m in ("INFO", "DEBUG", "WARN", "TRACE", "ERROR", "FATAL")))),
    "system_log_level": Migration(
        "system_log_level_v2",
        _to_enum(None, f"{_LAMBDA}.SystemLogLevel", ("INFO", "DEBUG", "WARN")),
        (f"{_LAMBDA}.Function(system_log_level_v2)",
         *(f"{_LAMBDA}.SystemLogLevel.{m}" for m in ("INFO", "DEBUG", "WARN")))),
    "cidr": Migration(
        "ip_addresses",
        _call_with("aws_cdk.aws_ec2.IpAddresses.cidr"),
        ("aws_cdk.aws_ec2.Vpc(ip_addresses)", "aws_cdk.aws_ec2.IpAddresses.cidr")),
    "container_insights": Migration(
        "container_insights_v2",
        _bool_to_enum("aws_cdk.aws_ecs.ContainerInsights", "ENABLED", "DISABLED"),
        ("aws_cdk.aws_ecs.Cluster(container_insights_v2)", "aws_cdk.aws_ecs.ContainerInsights.ENABLED",
         "aws_cdk.aws_ecs.ContainerInsights.DISABLED")),
    # Step Functions tasks (every task class): Duration -> sfn.Timeout.duration(...)
    "timeout": Migration(
        "task_timeout",
        _call_with("aws_cdk.aws_stepfunctions.Timeout.duration"),
        ("aws_cdk.aws_stepfunctions_tasks.LambdaInvoke(task_timeout)", "aws_cdk.aws_stepfunctions.Timeout.duration"),
        exclusive=False),
    "heartbeat": Migration(
        "heartbeat_timeout",
        _call_with("aws_cdk.aws_stepfunctions.Timeout.duration"),
        ("aws_cdk.aws_stepfunctions_tasks.LambdaInvoke(heartbeat_timeout)",
         "aws_cdk.aws_stepfunctions.Timeout.duration"),
        exclusive=False),
}


def suggested_names() -> Iterable[str]:
    """Every API name the reviewed table can make this rule write (tests/test_api_names.py)."""
    for migration in REVIEWED.values():
        yield from migration.names


# `name`, {@link name }, "use name instead", "superseded by name"
_NAMED = re.compile(r"`([A-Za-z_][\w.]*)`|\{@link\s+([A-Za-z_][\w.]*)\s*\}"
                    r"|\b(?:use|superseded by)\s+`?([a-z][A-Za-z0-9]*)\b", re.IGNORECASE)


def replacement_names(note: str) -> list[str]:
    """Identifiers a deprecation note points to, in order (TypeScript spelling, last component)."""
    out: list[str] = []
    for m in _NAMED.finditer(note):
        name = next(g for g in m.groups() if g)
        name = name.rsplit(".", 1)[-1]
        if name not in out:
            out.append(name)
    return out


class DeprecatedApi(Rule):
    """
    ## What it does
    Finds keyword arguments that aws-cdk-lib marks deprecated, using the deprecation notes of the
    installed aws-cdk-lib's jsii assembly: `dynamodb.Table(point_in_time_recovery=True)`,
    `lambda_.Function(log_format="JSON")`, `ec2.Vpc(cidr=...)`, `ecs.Cluster(container_insights=...)`,
    in constructors, struct calls, static methods and methods of receivers of known type
    (`lambda_.Code.from_ecr_image(repo, tag=...)`, `tasks.LambdaInvoke(timeout=...)`). Also
    reports deprecated classes and members used by name (`lambda_.Runtime.PYTHON_3_8`,
    `ec2.MachineImage.latest_amazon_linux()`, retired RDS engine versions).

    ## Why is this bad?
    Deprecated properties are removed in the next major version, and several already misbehave:
    `log_format=lambda_.LogFormat.JSON` fails synth with a type error, and setting a deprecated
    property together with its replacement fails synth (`pointInTimeRecoverySpecification and
    pointInTimeRecovery are set`). AI drafts are trained on old examples and use them a lot.

    ## Example
    ```python
    dynamodb.Table(self, "Items", partition_key=pk, point_in_time_recovery=True)
    lambda_.Function(self, "Api", ..., log_format="JSON")
    ```
    Use instead:
    ```python
    dynamodb.Table(
        self,
        "Items",
        partition_key=pk,
        point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True),
    )
    lambda_.Function(self, "Api", ..., logging_format=lambda_.LoggingFormat.JSON)
    ```

    ## Fix safety
    Safe when the replacement is determined: either the note names exactly one replacement
    keyword of the same class with the same type (a rename), or the pair is in a reviewed table
    whose value mapping was verified to synthesize the same template (`point_in_time_recovery`,
    `contributor_insights[_enabled]`, `log_format`, `application_log_level`, `system_log_level`,
    `cidr`, `container_insights`, Step Functions `timeout`/`heartbeat`;
    tests/test_cdk105_migrations.py synthesizes each). A rename derived from a note alone is
    **unsafe** (applied with `--unsafe-fixes`): it keeps what the note documents, but the deployed
    resources may change: `ecr.Repository(auto_delete_images=True)` → `empty_on_delete=True` swaps
    the auto-delete custom resource for the `EmptyOnDelete` property. Otherwise, or when the
    replacement is already set too, or a `**kwargs` spread may
    set it, the finding reports the deprecation note and changes nothing. A deprecated keyword
    passed through `**props` (a dict literal or `dict(...)` the file shows) is reported only.
    Deprecated classes and members are always reported, never replaced: their notes point to a
    different runtime, AMI family or engine version, which changes what is deployed.
    """

    code, name, tier = "CDK105", "deprecated-api", Tier.SAFE
    checks_api = True
    tier_note = "when verified (unsafe when derived from a note)"
    summary = "Deprecated aws-cdk-lib properties with a documented replacement"
    triggers = ()
    changelog = "Replace {count} deprecated {noun}"
    noun = ("property", "properties")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        """One finding per deprecated expression: at the outermost deprecated part of it
        (``health_check=HealthCheck.elb(grace=...)`` is one finding, on ``health_check``)."""
        findings = list(self._findings(ctx))
        nodes = {f.node for f in findings}
        for f in findings:
            if not any(a in nodes for a in ctx.ancestors(f.node)):
                yield f

    def _findings(self, ctx: FileContext) -> Iterator[Finding]:
        api = None
        for node in ctx.calls:
            if not any(a.keyword is not None or a.star == "**" for a in node.args):
                continue
            q = ctx.call_qualname(node)
            if q is None and not isinstance(node.func, cst.Attribute):
                continue
            if api is None:
                api = ctx.api
            signature = _signature(api, ctx, node, q)
            if signature is None:
                continue
            label, keywords = signature
            deprecated = {k: p.deprecated for k, p in keywords.items() if p.deprecated}
            if not deprecated:
                continue
            call = ConstructCall(ctx, node, q or label)
            for arg in node.args:
                if arg.keyword is None or arg.keyword.value not in deprecated:
                    continue
                yield self._finding(call, label, arg, deprecated[arg.keyword.value], keywords)
            for arg in node.args:  # `**props` built from a dict literal or dict(...) in this file
                if arg.star != "**":
                    continue
                for key, at in _spread_keys(ctx, arg.value, node):
                    if key in deprecated:
                        spread = (arg.value.value if isinstance(arg.value, cst.Name)
                                  else "{...}" if isinstance(arg.value, cst.Dict) else "dict(...)")
                        clean = _pythonic(deprecated[key])
                        yield self.finding(at, f"`{label}({key}=...)` (passed through `**{spread}`) is deprecated: "
                                               f"{clean}")
        yield from self._deprecated_names(ctx, api)

    def _deprecated_names(self, ctx: FileContext, api: Any) -> Iterator[Finding]:
        """Deprecated classes and members used by name (``lambda_.Runtime.PYTHON_3_8``,
        ``ec2.MachineImage.latest_amazon_linux``): reported with the note; the replacements the
        notes give ("the latest Python runtime", ``latestAmazonLinux2``) change what is deployed.
        They do not stop synth, so each is one finding per file, at its first use, with the count."""
        uses: dict[str, list[cst.Attribute]] = {}
        notes: dict[str, str] = {}
        for node in ctx.attributes:
            parent = ctx.parent(node)
            if isinstance(parent, cst.Attribute) and parent.value is node:
                continue  # only the whole chain: `lambda_.Runtime.PYTHON_3_8`, not `lambda_.Runtime`
            q = ctx.qualname(node)
            if q is None or not q.startswith("aws_cdk."):
                continue
            if q not in notes:
                if api is None:
                    api = ctx.api
                resolved = api.resolve(q)
                kind, owner = resolved if resolved is not None else (None, None)
                note = (api.deprecation(owner, q.rsplit(".", 1)[1]) if kind == "member"
                        else api.deprecation(q) if kind == "type" else None)
                notes[q] = note or ""
            if notes[q]:
                uses.setdefault(q, []).append(node)
        for q, nodes in uses.items():
            spelled = cst.Module([]).code_for_node(nodes[0])
            more = f" ({len(nodes)} uses in this file)" if len(nodes) > 1 else ""
            yield self.finding(nodes[0], f"`{spelled}` is deprecated{more}: {_pythonic(notes[q])}")

    def _finding(self, call: ConstructCall, label: str, arg: cst.Arg, note: str,
                 keywords: dict[str, Any]) -> Finding:
        from remediator.api import snake_case

        old = arg.keyword.value  # type: ignore[union-attr]
        clean = _pythonic(note)
        where = f"`{label}({old}=...)`"
        candidates = [snake_case(n) for n in replacement_names(note)]
        candidates = [c for c in dict.fromkeys(candidates)
                      if c != old and c in keywords and not keywords[c].deprecated]
        if len(candidates) != 1:
            return self.finding(arg, f"{where} is deprecated: {clean}")
        new = candidates[0]
        if call.has(new):
            migration = REVIEWED.get(old)
            conflict = " (synth fails)" if migration is not None and migration.new == new and migration.exclusive else ""
            return self.finding(arg, f"{where} is deprecated and `{new}` is set too{conflict}: remove `{old}`; "
                                     f"{clean}")
        if call.has_kwargs_spread:
            return self.finding(arg, f"{where} is deprecated: use `{new}` ({clean})")
        migration = REVIEWED.get(old)
        if migration is not None and migration.new == new:
            template = migration.value(call, arg.value)
            if template is None:
                return self.finding(arg, f"{where} is deprecated: use `{new}` (this value has no known "
                                         f"equivalent; {clean})")
            text, imports = call.ctx.code(template)
            value = cst.parse_expression(text)
            edit = call.rename_keyword(old, new)
            edit = _chain(edit, lambda n: _set_value(n, new, value), imports)
            return self.finding(arg, f"{where} is deprecated: use `{new}={text}`", fix=edit)
        if keywords[new].type == keywords[old].type:
            # derived from the note, not verified to keep the template: may change a deployed resource
            return self.finding(arg, f"{where} is deprecated: rename to `{new}` (the deployed resource may change: "
                                     "not verified to keep the template)",
                                fix=call.rename_keyword(old, new), tier=Tier.UNSAFE)
        said = re.fullmatch(rf"(?i)use `?{re.escape(new)}`? instead\.?", clean.strip())  # the note says no more
        return self.finding(arg, f"{where} is deprecated: use `{new}`, which takes `{_type_text(keywords[new].type)}` "
                                 f"where `{old}` took `{_type_text(keywords[old].type)}`" + ("" if said else f" ({clean})"))


def _type_text(type_: str) -> str:
    """``aws_logs.ILogGroupRef`` for ``aws_cdk.interfaces.aws_logs.ILogGroupRef``: the module and name a
    reader knows (each member of a union likewise)."""
    return " | ".join(re.sub(r"^aws_cdk\.(interfaces\.)?", "", t) for t in type_.split(" | "))


def _pythonic(note: str) -> str:
    """A jsii deprecation note in Python terms: one line, and ``logGroup``/``addPlugins`` written
    as the Python names ``log_group``/``add_plugins`` (class names stay as they are)."""
    from remediator.api import snake_case

    text = " ".join(note.split()).strip(" -")
    return re.sub(r"\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b", lambda m: snake_case(m.group(0)), text)


def _signature(api: Any, ctx: FileContext, node: cst.Call, q: str | None) -> tuple[str, dict[str, Any]] | None:
    """What a call accepts: a constructor (class or struct), a static method, or a method of a
    receiver whose type is known (``table = dynamodb.Table(...)``, then ``table.method(...)``)."""
    if q is not None:
        if api.is_class(q):
            return q.rsplit(".", 1)[-1], api.constructor_keywords(q) or {}
        if api.is_struct(q):
            return q.rsplit(".", 1)[-1], api.struct_fields(q) or {}
        owner, _, name = q.rpartition(".")
        if api.has_type(owner):
            method = api.method(owner, name)
            if method is not None and method.static:
                return f"{owner.rsplit('.', 1)[-1]}.{name}", method.keywords
        return None
    if not isinstance(node.func, cst.Attribute):
        return None
    receiver = ctx.constructed_type(node.func.value, node)
    if receiver is None or not api.has_type(receiver):
        return None
    method = api.method(receiver, node.func.attr.value)
    if method is None or method.static:
        return None
    return f"{receiver.rsplit('.', 1)[-1]}.{node.func.attr.value}", method.keywords


def _spread_keys(ctx: FileContext, value: cst.BaseExpression, at: cst.CSTNode) -> list[tuple[str, cst.CSTNode]]:
    """The keys a ``**value`` spread passes, where the file shows them: a dict literal or
    ``dict(k=...)``, written inline or bound once to a name."""
    if isinstance(value, cst.Name):
        values = ctx.assigned_values(value, at)
        if len(values) != 1:
            return []
        value = values[0]
    if isinstance(value, cst.Dict):
        out = []
        for el in value.elements:
            if isinstance(el, cst.DictElement):
                key = literal_value(el.key)
                if isinstance(key, str):
                    out.append((key, el))
        return out
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "dict":
        return [(a.keyword.value, a) for a in value.args if a.keyword is not None]
    return []


def _set_value(call: cst.Call, name: str, value: cst.BaseExpression) -> cst.Call:
    args = [a.with_changes(value=value) if a.keyword is not None and a.keyword.value == name else a
            for a in call.args]
    return call.with_changes(args=args)


def _chain(edit, then, imports):
    first = edit.replace
    edit.replace = lambda n: then(first(n))
    edit.imports = list(edit.imports) + list(imports)
    return edit
