from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis.context import NOT_LITERAL, FileContext, literal_value
from remediator.analysis.cdk_members import (
    MEMBER_RENAMES,
    METHOD_RENAMES,
    METRICS_BY_NAME,
    metric_call,
    MOVED_METHODS,
    S3_BUCKET,
    S3_GRANTS,
    S3_READ_ACTIONS,
    S3_WRITE_ACTIONS,
    grant_method,
    grants_call,
    object_action,
    plain_bucket,
    same_version,
)
from remediator.analysis.durations import member_of_same_duration
from remediator.analysis.guards import attributes_set_by_file, guarded_by_hasattr, is_assign_target
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier
from remediator.analysis.apitypes import (
    ApiView,
    api_view,
    candidates_text,
    close_names,
    _squashed,
    infer_type,
    same_meaning,
    short,
    with_longer_names,
)

def suggested_names() -> list[str]:
    """Names the fixed parts of this rule write (checked against the index by tests/test_api_names.py);
    the rest come from the index itself (enum members, the only module defining a class)."""
    return [
        "aws_cdk.aws_s3.Bucket.grant_read", "aws_cdk.aws_s3.Bucket.grant_read_write", "aws_cdk.aws_s3.Bucket.grants",
        "aws_cdk.aws_s3.IBucket.grant_read", "aws_cdk.aws_s3.IBucket.grant_read_write",
        f"{S3_GRANTS}.from_bucket", f"{S3_GRANTS}.actions_on_object_keys",
        f"{S3_GRANTS}.actions_on_object_keys(objects_key_pattern)",
        # the examples of the documentation and of seed 001
        "aws_cdk.aws_logs.RetentionDays.ONE_MONTH", "aws_cdk.aws_logs.RetentionDays.ONE_WEEK", "aws_cdk.SecretValue",
    ] + [f"{old.rpartition('.')[0]}.{new}" for old, new in MEMBER_RENAMES.items()] \
      + [f"{owner}.metric(statistic)" for owner, _ in METRICS_BY_NAME]

def absent_names() -> list[str]:
    """What the documented examples of this rule say does not exist (the test checks it)."""
    return ["aws_cdk.aws_s3.Bucket.grant", "aws_cdk.aws_s3.IBucket.grant", "aws_cdk.aws_s3.IBucket.grants",
            "aws_cdk.aws_logs.RetentionDays.THIRTY_DAYS", "aws_cdk.aws_logs.RetentionDays.SEVEN_DAYS",
            "aws_cdk.aws_secretsmanager.SecretValue"] + list(MEMBER_RENAMES) \
        + [f"{owner}.{old}" for owner, old in METRICS_BY_NAME]


class UnknownMember(Rule):
    """
    ## What it does
    Finds names that are not in the aws-cdk-lib API, checked against the API index of the installed
    aws-cdk-lib: enum members that never existed (`logs.RetentionDays.THIRTY_DAYS`), classes looked
    up in the wrong module (`secretsmanager.SecretValue`), and methods or properties that a receiver
    of known type does not have (`bucket.grant(...)` on an `s3.Bucket`). A receiver's type is known
    from its assignment in the same scope (`bucket = s3.Bucket(...)`, `self.bucket = ...`) or from
    the return type the API gives a call.

    ## Why is this bad?
    Python raises `AttributeError` at synth, so the app never deploys. AI-drafted stacks often
    invent members by analogy: `THIRTY_DAYS` for `ONE_MONTH`, `Bucket.grant` like `Table.grant`.

    ## Example
    ```python
    logs.LogGroup(self, "Logs", retention=logs.RetentionDays.THIRTY_DAYS)
    secretsmanager.SecretValue.unsafe_plain_text("x")
    bucket = s3.Bucket(self, "Data")
    bucket.grant(role, "s3:GetObject", "s3:PutObject")
    ```
    Use instead:
    ```python
    logs.LogGroup(self, "Logs", retention=logs.RetentionDays.ONE_MONTH)
    SecretValue.unsafe_plain_text("x")
    bucket = s3.Bucket(self, "Data")
    bucket.grants.actions_on_object_keys(role, "*", "s3:GetObject", "s3:PutObject")
    ```

    ## Fix safety
    Safe, and applied only when the replacement is unique: the enum member of exactly the same
    duration; a reviewed CDK v1 rename (v1's `SubnetType.PRIVATE` had a NAT route: `PRIVATE_WITH_EGRESS`,
    never `PRIVATE_ISOLATED`); `aws_cdk` (or `constructs`) when it is the only module with the class
    (a same-named class of another service is a different thing: reported); the only member with a
    close name (through a class, only its static members of the same kind: `Duration.mins` is not
    the instance method `minus`; a constant one word short is reported when other names have its
    words too: `ViewerProtocolPolicy.HTTPS` may be `HTTPS_ONLY` or `REDIRECT_TO_HTTPS`). For
    `Bucket.grant(grantee, *actions)` the fix never widens a permission: it grants exactly the
    actions given, with `bucket.grants.actions_on_object_keys(grantee, "*", *actions)` (or
    `actions_on_bucket_and_object_keys` when an action applies to the bucket itself, such as
    `s3:ListBucket`); `grant_read` / `grant_read_write` only when the actions given are exactly the
    ones those methods grant, on a bucket of this file without a KMS key (where they would add
    `kms:` permissions).
    Receivers whose type is not known (and `Table`, `Key`, `Queue`, `LogGroup`, which do have
    `grant`) are left alone, as are attributes the file sets itself (`bucket.stage = "raw"`,
    `setattr(bucket, "stage", ...)`); anything else is reported with its candidates.
    """

    code, name, tier = "CDK104", "unknown-member", Tier.SAFE
    tier_note = "when unique"
    summary = "Attributes, enum members and classes must exist in the aws-cdk-lib API"
    triggers = ()
    changelog = "Replace {count} unknown aws-cdk-lib {noun}"
    noun = ("name", "names")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        view = api_view(ctx)
        if view is None:
            return
        yield from self._imports(ctx, view)
        for node in ctx.attributes:
            parent = ctx.parent(node)
            q = ctx.qualname(node)
            if q is not None:
                if not (isinstance(parent, cst.Attribute) and parent.value is node) and q.startswith("aws_cdk."):
                    yield from self._qualified(ctx, view, node, q)
                continue
            if is_assign_target(ctx, node):
                continue
            found = self._instance_member(ctx, view, node)
            if found is not None:
                yield found

    # -- classes imported from the wrong module -------------------------------------------------
    def _imports(self, ctx: FileContext, view: ApiView) -> Iterator[Finding]:
        for stmt in ctx.imports.statements:
            if not isinstance(stmt, cst.ImportFrom) or stmt.relative or isinstance(stmt.names, cst.ImportStar):
                continue
            module = dotted_name(stmt.module) if stmt.module is not None else None
            if module is None or not module.startswith("aws_cdk") or module not in view.modules:
                continue
            for alias in stmt.names:
                name = dotted_name(alias.name)
                if name is None or not name[:1].isupper() or view.has_type(f"{module}.{name}"):
                    continue
                homes = [t for t in view.types_named(name) if t != f"{module}.{name}"]
                if len(homes) != 1 or not _shared_home(homes[0], module) or not _top_level(ctx, stmt):
                    yield self.finding(alias, _no_such(module, name, homes))
                    continue
                home = homes[0].rsplit(".", 1)[0]
                asname = alias.asname.name.value if alias.asname is not None else None  # type: ignore[union-attr]
                new_import = f"from {home} import {name}" + (f" as {asname}" if asname and asname != name else "")
                edit = Edit.drop_import_name(stmt, alias, new_import)
                yield self.finding(alias, f"`{short(module)}` has no `{name}`: it is `{homes[0]}`",
                                   fix=Fix([edit]))

    # -- module.Type.MEMBER chains ----------------------------------------------------------------
    def _qualified(self, ctx: FileContext, view: ApiView, node: cst.Attribute, q: str) -> Iterator[Finding]:
        parts = q.split(".")
        i = max(k for k in range(1, len(parts) + 1) if ".".join(parts[:k]) in view.modules or k == 1)
        if i == len(parts):
            return
        module, name = ".".join(parts[:i]), parts[i]
        sub = _subnode(ctx, node, f"{module}.{name}")
        type_q = f"{module}.{name}"
        if not view.has_type(type_q):
            if not name[:1].isupper() or sub is None:
                return  # a module name (CDK101's business) or the wrong name was imported directly
            homes = [t for t in view.types_named(name) if t != type_q]
            if len(homes) == 1 and _shared_home(homes[0], module):
                yield self.finding(sub, f"`{short(module)}` has no `{name}`: it is `{homes[0]}`",
                                   fix=ctx.replace(sub, f"`{homes[0]}`"))
                return
            if not homes:
                close = close_names(name, view.types_in(module))
                if len(close) == 1 and _squashed(close[0]) == _squashed(name):
                    yield self.finding(sub, f"`{short(module)}` has no `{name}`: use `{close[0]}`",
                                       fix=Edit.rename_attribute(sub, close[0]))
                    return
                homes = [f"{module}.{c}" for c in close]
            yield self.finding(sub, _no_such(module, name, homes))
            return
        # walk nested types (CfnBucket.LifecycleConfigurationProperty), then one member
        i += 1
        while i < len(parts) and view.has_type(f"{type_q}.{parts[i]}"):
            type_q = f"{type_q}.{parts[i]}"
            i += 1
        if i == len(parts):
            return
        member = parts[i]
        sub = _subnode(ctx, node, f"{type_q}.{member}")
        if sub is None or member.startswith("_"):
            return  # Python's own attributes (``__name__``, ``__members__``) are not the API's
        reviewed = MEMBER_RENAMES.get(f"{type_q}.{member}")
        if view.kind(type_q) == "enum":
            names = view.api.enum_members(type_q)
            if member in names:
                return
            same = member_of_same_duration(member, names)
            close = ([reviewed] if reviewed in names else [same] if same is not None
                     else with_longer_names(member, close_names(member, names), names))
            what = ("its reviewed equivalent" if reviewed in names else "the same duration" if same is not None
                    else "a close name")
        else:
            members = view.members(type_q)
            if members is None or member in members:
                return
            # through the class only its static members can be meant, of the same kind (a method
            # when called): ``Duration.mins(5)`` is not the instance method ``minus``
            parent = ctx.parent(sub)
            kind = "m" if isinstance(parent, cst.Call) and parent.func is sub else "p"
            names = sorted(n for n, m in members.items() if not n.startswith("_") and m.static
                           and (m.kind == kind or view.kind(type_q) != "class"))
            close = close_names(member, names)
            if kind == "p":  # constants, like enum members: ``BlockPublicAccess.BLOCK_ALL``
                close = with_longer_names(member, close, names)
            what = "a close name"
            if not close and kind == "p" and (versions := same_version(member, names)):
                close, what = [versions], "the same version numbers"
        if len(close) == 1:
            yield self.finding(sub, f"`{short(type_q)}` has no member `{member}`: use `{close[0]}` ({what})",
                               fix=Edit.rename_attribute(sub, close[0]))
        else:
            more = f"; candidates: {candidates_text(close)}" if close else ""
            yield self.finding(sub, f"`{short(type_q)}` has no member `{member}`{more}")

    # -- receiver.member on a receiver of known type ---------------------------------------------
    def _instance_member(self, ctx: FileContext, view: ApiView, node: cst.Attribute) -> Finding | None:
        recv = infer_type(ctx, view, node.value)
        if recv is None or not recv.startswith(("aws_cdk.", "constructs.")) or view.kind(recv) not in (
                "class", "interface"):
            return None
        members = view.members(recv)
        attr = node.attr.value
        if members is None or attr in members or attr.startswith("_"):
            return None
        user_attrs = attributes_set_by_file(ctx)
        if user_attrs is None or attr in user_attrs:
            return None  # the file gives objects attributes of its own (``bucket.stage = "raw"``)
        if guarded_by_hasattr(ctx, node):
            return None  # read only where `hasattr(x, "attr")` holds
        if view.kind(recv) == "interface":
            # what a method typed ``IBucket`` returns is a bucket of some class of aws_s3; other
            # interfaces (IGrantable, IConnectable...) have implementations everywhere: unknown
            # (a core interface, ``constructs.IConstruct`` from ``node.default_child``, is any L1)
            module, _, iname = recv.rpartition(".")
            if not (module.startswith("aws_cdk.aws_") and iname[:1] == "I"
                    and view.kind(f"{module}.{iname[1:]}") == "class"):
                return None
            if any(attr in (view.members(c) or {attr: None}) for c in view.implementations(recv)):
                return None  # the object at run time may be a class that has it
        parent = ctx.parent(node)
        called = isinstance(parent, cst.Call) and parent.func is node
        if attr == "grant" and called and S3_BUCKET in (view.closure(recv) or ()):
            return self._bucket_grant(ctx, view, parent, recv)  # type: ignore[arg-type]
        if called and (recv, attr) in MOVED_METHODS and isinstance(node.value, cst.Attribute):
            return self._moved_method(ctx, parent, recv, attr)  # type: ignore[arg-type]
        metric = next((m for (owner, old), m in METRICS_BY_NAME.items()
                       if old == attr and owner in (view.closure(recv) or ())), None)
        if called and metric is not None and "metric" in members:
            return self._metric_by_name(ctx, parent, recv, attr, *metric)  # type: ignore[arg-type]
        if called and attr.startswith("with_") and "with_" in members:
            return self._with_field(ctx, view, parent, recv, attr)  # type: ignore[arg-type]
        kind = "m" if called else "p"
        label = "method" if called else "attribute"
        reviewed = next((new for (owner, old), new in METHOD_RENAMES.items()
                         if old == attr and owner in (view.closure(recv) or ()) and new in members), None)
        close = [reviewed] if reviewed else close_names(attr, [n for n, m in members.items()
                                                            if m.kind == kind and not n.startswith("_")])
        if len(close) == 1 and (reviewed or same_meaning(attr, close[0], recv)):
            return self.finding(node, f"`{short(recv)}` has no {label} `{attr}`: use `{close[0]}`",
                                fix=Edit.rename_attribute(node, close[0]))
        more = f"; candidates (not the same name: check their meaning): {candidates_text(close)}" if close else ""
        stmt = ctx.statement_of(node)
        alone = (called and isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
                 and isinstance(stmt.body[0], cst.Expr) and stmt.body[0].value is parent)
        if alone and not close:  # nothing in aws-cdk-lib means it: only --unsafe-fixes removes the call
            written = ctx.module.code_for_node(stmt.body[0]).strip()  # type: ignore[union-attr]
            return self.finding(node, f"`{short(recv)}` has no method `{attr}`, and nothing like it: remove "
                                      f"`{written}` (with --unsafe-fixes; restore its intent by hand)",
                                fix=ctx.remove_statement(node), tier=Tier.UNSAFE,
                                note=f"Remove `{written}` (aws-cdk-lib's `{short(recv)}` has no method `{attr}`)")
        return self.finding(node, f"`{short(recv)}` has no {label} `{attr}`{more}")

    def _moved_method(self, ctx: FileContext, call: cst.Call, recv: str, attr: str) -> Finding:
        """A CDK v1 method that moved (``x.node.apply_aspect(a)`` -> ``Aspects.of(x).add(a)``)."""
        owner = ctx.module.code_for_node(call.func.value.value)  # type: ignore[attr-defined]
        args = ", ".join(ctx.module.code_for_node(a) for a in call.args)
        text, imports = ctx.code(MOVED_METHODS[(recv, attr)].format(owner=owner, args=args))
        return self.finding(call.func, f"`{short(recv)}` has no method `{attr}` in CDK v2: use `{text}`",
                            fix=Edit.replace_with(call, text, imports))

    def _metric_by_name(self, ctx: FileContext, call: cst.Call, recv: str, attr: str, name: str,
                        statistic: str) -> Finding:
        """``fn.metric_concurrent_executions(period=...)`` -> ``fn.metric("ConcurrentExecutions",
        statistic="Maximum", period=...)``: the metric it means, through the class's ``metric()``."""
        given = any(a.keyword is not None and a.keyword.value == "statistic" for a in call.args)
        use = f"`{short(recv)}` has no method `{attr}`: use `metric(\"{name}\"" + ("" if given else f", statistic=\"{statistic}\"")
        text = metric_call(ctx, call, name, statistic)
        if text is None:  # positional or ** arguments: say what to write
            return self.finding(call.func, use + ", ...)`")
        return self.finding(call.func, use + f")` (the {name} metric of this object)", fix=Edit.replace_with(call, text))

    def _with_field(self, ctx: FileContext, view: ApiView, call: cst.Call, recv: str, attr: str) -> Finding:
        """CDK v1's ``metric.with_statistic("p99")`` is v2's ``metric.with_(statistic="p99")``."""
        field = attr[len("with_"):]
        method = view.api.method(recv, "with_")
        where = f"`{short(recv)}` has no method `{attr}`"
        positional = [a for a in call.args if a.keyword is None and not a.star]
        if method is None or field not in method.keywords or len(positional) != 1 or len(call.args) != 1:
            return self.finding(call.func, where)
        value = ctx.module.code_for_node(positional[0].value)
        receiver = ctx.module.code_for_node(call.func.value)  # type: ignore[attr-defined]
        return self.finding(call.func, f"{where}: use `with_({field}=...)`",
                            fix=Edit.replace_with(call, f"{receiver}.with_({field}={value})"))

    def _bucket_grant(self, ctx: FileContext, view: ApiView, call: cst.Call, recv: str) -> Finding:
        """``bucket.grant(grantee, *actions)``: grant exactly the actions given, never more."""
        where = f"`{short(recv)}` has no method `grant`"
        args = list(call.args)
        if (len(args) < 2 or args[0].keyword is not None or args[0].star
                or any(a.keyword is not None or a.star == "**" for a in args[1:])):
            return self.finding(call, f"{where}: use `grants.actions_on_object_keys(grantee, \"*\", *actions)` "
                                      "with the actions it needs")
        actions = [literal_value(a.value) if not a.star else NOT_LITERAL for a in args[1:]]
        members = view.members(recv) or {}
        known = all(isinstance(a, str) for a in actions)
        if known and plain_bucket(ctx, call.func.value):  # type: ignore[attr-defined]
            # grant_read / grant_read_write only when they grant exactly these actions (on a bucket
            # without a KMS key, where they add no kms: permissions)
            given = {a.lower() for a in actions}
            for method, granted in (("grant_read", S3_READ_ACTIONS), ("grant_read_write", S3_READ_ACTIONS + S3_WRITE_ACTIONS)):
                if given == {g.lower() for g in granted} and method in members:
                    return self.finding(call, f"{where}: these are exactly the actions of `{method}`: use it",
                                        fix=Edit(call, replace=grant_method(method)))
        # the actions as given, on the objects (and the bucket itself when one applies to it)
        scope = "actions_on_object_keys" if not known or all(object_action(a) for a in actions) \
            else "actions_on_bucket_and_object_keys"
        quote = "'" if any(isinstance(a.value, cst.SimpleString) and a.value.quote.startswith("'")
                           for a in args[1:]) else '"'
        grants = view.members(S3_GRANTS) or {}
        if "grants" in members and scope in grants:
            receiver = call.func.value  # type: ignore[attr-defined]
            func: cst.BaseExpression = cst.Attribute(cst.Attribute(receiver, cst.Name("grants")), cst.Name(scope))
            imports: list[str] = []
        elif "from_bucket" in grants and scope in grants:
            receiver_code = ctx.module.code_for_node(call.func.value)  # type: ignore[attr-defined]
            text, imports = ctx.code(f"`{S3_GRANTS}`.from_bucket({receiver_code}).{scope}")
            func = cst.parse_expression(text)
        else:
            return self.finding(call, where)
        return self.finding(call, f"{where}: grant exactly these actions with `grants.{scope}`",
                            fix=Edit(call, replace=grants_call(func, quote), imports=imports))


def _shared_home(qualname: str, looked_in: str) -> bool:
    """Where a class looked up in the wrong module really is, when that is certain: the core module
    (``aws_cdk.SecretValue``, ``Duration``...) or constructs, or a companion module of the same
    service (``aws_cloudwatch_actions.SnsAction`` looked up in ``aws_cloudwatch``). A same-named
    class of another service (``aws_servicediscovery.Service`` for ``apprunner.Service``) is a
    different thing."""
    home = qualname.rsplit(".", 1)[0]
    return home in ("aws_cdk", "constructs") or home.startswith(looked_in + "_")


def _no_such(module: str, name: str, homes: list[str]) -> str:
    more = f"; candidates: {candidates_text([short(h) for h in homes])}" if homes else ""
    return f"`{short(module)}` has no `{name}`{more}"


def _subnode(ctx: FileContext, node: cst.BaseExpression, qualname: str) -> cst.Attribute | None:
    """The part of an attribute chain that resolves to ``qualname`` (``logs.RetentionDays`` in
    ``logs.RetentionDays.ONE_DAY``), when the file spells it as an attribute."""
    current: cst.BaseExpression = node
    while isinstance(current, cst.Attribute):
        if ctx.qualname(current) == qualname:
            return current
        current = current.value
    return None


def _top_level(ctx: FileContext, stmt: cst.CSTNode) -> bool:
    line = ctx.parent(stmt)
    return isinstance(line, cst.SimpleStatementLine) and isinstance(ctx.parent(line), cst.Module)
