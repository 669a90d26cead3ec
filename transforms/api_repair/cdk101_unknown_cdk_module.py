from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterator

import libcst as cst

from remediator.analysis.bindings import root_name
from remediator.analysis.context import FileContext
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier

#: Reviewed table: module names AI drafts and CDK v1 habits use that aws-cdk-lib does not have,
#: and the module meant (checked against the index by tests/test_api_names.py). A name that is
#: not here is fixed only when ``aws_<name>`` exists or exactly one module is a close match.
WRONG_MODULES: dict[str, str] = {
    "aws_elbv2": "aws_elasticloadbalancingv2",
    "aws_alb": "aws_elasticloadbalancingv2",
    "aws_nlb": "aws_elasticloadbalancingv2",
    "aws_elb": "aws_elasticloadbalancing",
    "aws_elbv2_targets": "aws_elasticloadbalancingv2_targets",
    "aws_elbv2_actions": "aws_elasticloadbalancingv2_actions",
    "aws_apigw": "aws_apigateway",
    "aws_api_gateway": "aws_apigateway",
    "aws_apigwv2": "aws_apigatewayv2",
    "aws_api_gatewayv2": "aws_apigatewayv2",
    "aws_ddb": "aws_dynamodb",
    "aws_dynamo": "aws_dynamodb",
    "aws_dynamo_db": "aws_dynamodb",
    "aws_cw": "aws_cloudwatch",
    "aws_cw_actions": "aws_cloudwatch_actions",
    "aws_cloudwatch_logs": "aws_logs",
    "aws_cloudwatchlogs": "aws_logs",
    "aws_log": "aws_logs",
    "aws_sfn": "aws_stepfunctions",
    "aws_step_functions": "aws_stepfunctions",
    "aws_sfn_tasks": "aws_stepfunctions_tasks",
    "aws_step_functions_tasks": "aws_stepfunctions_tasks",
    "aws_secrets_manager": "aws_secretsmanager",
    "aws_secret_manager": "aws_secretsmanager",
    "aws_secrets": "aws_secretsmanager",
    "aws_eventbridge": "aws_events",
    "aws_event_bridge": "aws_events",
    "aws_eventbridge_targets": "aws_events_targets",
    "aws_acm": "aws_certificatemanager",
    "aws_certificate_manager": "aws_certificatemanager",
    "aws_route_53": "aws_route53",
    "aws_cloud_front": "aws_cloudfront",
    "aws_kinesis_firehose": "aws_kinesisfirehose",
    "aws_firehose": "aws_kinesisfirehose",
    "aws_s3deploy": "aws_s3_deployment",
    "aws_s3_deploy": "aws_s3_deployment",
    "aws_s3_deployments": "aws_s3_deployment",
    "aws_s3_notification": "aws_s3_notifications",
    "aws_s3n": "aws_s3_notifications",
    "aws_sns_subs": "aws_sns_subscriptions",
    "aws_vpc": "aws_ec2",
    "aws_cognito_idp": "aws_cognito",
    "aws_ssm_parameter": "aws_ssm",
    "aws_parameter_store": "aws_ssm",
    "aws_lambda_event_source": "aws_lambda_event_sources",
    "aws_lambda_events": "aws_lambda_event_sources",
    "aws_cloudwatch_action": "aws_cloudwatch_actions",
    "aws_events_target": "aws_events_targets",
    "aws_codepipeline_action": "aws_codepipeline_actions",
    "aws_route53_target": "aws_route53_targets",
    "aws_ecs_pattern": "aws_ecs_patterns",
    "aws_cloudfront_origin": "aws_cloudfront_origins",
    "aws_sns_subscription": "aws_sns_subscriptions",
    "aws_ecr_asset": "aws_ecr_assets",
    "aws_s3_asset": "aws_s3_assets",
    # the destinations of the alpha module are in aws_kinesisfirehose since it became stable
    "aws_kinesisfirehose_destinations": "aws_kinesisfirehose",
}

#: CDK v1 experimental modules that CDK v2 ships only as separately installed ``*_alpha``
#: packages (``pip install aws-cdk.aws-lambda-python-alpha``): reported with that package, never
#: rewritten to a module of aws-cdk-lib (its classes are not there).
ALPHA_MODULES: dict[str, str] = {
    "aws_lambda_python": "aws_lambda_python_alpha",
    "aws_lambda_go": "aws_lambda_go_alpha",
    "aws_iot_actions": "aws_iot_actions_alpha",
    "aws_iotevents_actions": "aws_iotevents_actions_alpha",
    "aws_kinesisanalytics_flink": "aws_kinesisanalytics_flink_alpha",
    "aws_pipes_enrichments": "aws_pipes_enrichments_alpha",
    "aws_pipes_sources": "aws_pipes_sources_alpha",
    "aws_pipes_targets": "aws_pipes_targets_alpha",
    "integ_tests": "integ_tests_alpha",
}

#: CDK v1 ``aws_cdk.core`` members that moved to the ``constructs`` package in v2 (the rest of
#: ``core`` is ``aws_cdk`` itself). Members found in neither are reported, not guessed.
V1_CORE_MOVED: dict[str, str] = {
    "Construct": "constructs.Construct",
    "IConstruct": "constructs.IConstruct",
    "IDependable": "constructs.IDependable",
    "DependencyGroup": "constructs.DependencyGroup",
    "ConstructOrder": "constructs.ConstructOrder",
}

V1_CORE = "aws_cdk.core"

#: packages published on their own into the ``aws_cdk`` namespace, with the version in the name:
#: ``aws_cdk.asset_awscli_v1`` (a dependency of aws-cdk-lib), ``aws_cdk.lambda_layer_kubectl_v31``
_SEPARATE_PACKAGE = re.compile(r"(?:asset|lambda_layer)_\w+_v\d+")


def suggested_names() -> list[str]:
    """Every name this rule's reviewed tables can write (tests/test_api_names.py)."""
    return ([f"aws_cdk.{m}" for m in WRONG_MODULES.values()] + list(V1_CORE_MOVED.values())
            + ["aws_cdk"])


def absent_names() -> list[str]:
    """Names this rule treats as missing: the wrong names of its tables must really be wrong
    (tests/test_api_names.py), or the table would rewrite valid code."""
    return ([f"aws_cdk.{m}" for m in WRONG_MODULES] + [V1_CORE] + [f"aws_cdk.{m}" for m in V1_CORE_MOVED]
            + [f"aws_cdk.{m}" for m in ALPHA_MODULES])


@dataclass
class _Bad:
    """One module path that does not exist (``aws_cdk.aws_elbv2``), and where the file names it."""

    path: str
    parent: str
    name: str
    #: import statements (and the alias inside them) that name the module
    imports: list[tuple[cst.Import | cst.ImportFrom, cst.ImportAlias | None]] = field(default_factory=list)
    #: expressions that denote the module: ``elbv2`` (an alias bound to it) or ``cdk.aws_elbv2``
    uses: list[cst.BaseExpression] = field(default_factory=list)
    members: set[str] = field(default_factory=set)


def _module_expr(dotted: str) -> cst.Attribute | cst.Name:
    expr = cst.parse_expression(dotted)
    assert isinstance(expr, (cst.Attribute, cst.Name))
    return expr


class UnknownCdkModule(Rule):
    """
    ## What it does
    Finds imports and references of `aws_cdk` modules that do not exist in the installed
    aws-cdk-lib, in every spelling: `from aws_cdk import aws_elbv2`, `import aws_cdk.aws_elbv2 as
    elbv2`, `from aws_cdk.aws_elbv2 import ApplicationLoadBalancer`, `cdk.aws_elbv2.X`, and CDK
    v1's `from aws_cdk import core` (`core.Stack`, `core.Construct`).

    ## Why is this bad?
    The app dies at the first import with `ImportError: cannot import name 'aws_elbv2' from
    'aws_cdk'` (or `ModuleNotFoundError`), before `cdk synth` can say anything else. AI drafts
    invent short module names (`aws_elbv2`, `aws_sfn`, `aws_apigw`) and mix in CDK v1 code, whose
    `aws_cdk.core` became `aws_cdk` itself in v2, with `Construct` moved to the `constructs` package.

    ## Example
    ```python
    from aws_cdk import core, aws_elbv2 as elbv2

    class WebStack(core.Stack):
        def __init__(self, scope: core.Construct, construct_id: str, **kwargs) -> None:
            ...
    ```
    Use instead:
    ```python
    from aws_cdk import aws_elasticloadbalancingv2 as elbv2
    from constructs import Construct
    import aws_cdk as cdk

    class WebStack(cdk.Stack):
        def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
            ...
    ```

    ## Fix safety
    Safe, and only applied when there is exactly one well-founded module: a name from a reviewed
    table of common wrong names, `aws_<name>` when that exists, or the only close match; and every
    member the file uses from it (`elbv2.ApplicationLoadBalancer`) must exist in that module.
    Otherwise the finding lists the candidates; so it does for a close match when no aws-cdk-lib
    was found and the bundled index stands in (the module could be newer than it). The code keeps
    its aliases (`from aws_cdk import aws_elasticloadbalancingv2 as elbv2`). For `core`, each
    member goes to `aws_cdk` or, for `Construct` and friends, to `constructs`; a member found in
    neither (e.g. `ConstructNode`) blocks the fix. Modules of separately installed packages
    (`aws_cdk.aws_lambda_python_alpha`, `aws_cdk.lambda_layer_kubectl_v31`) are left alone; CDK
    v1 experimental modules that v2 ships only as such packages (`aws_cdk.aws_lambda_python`) are
    reported with the package to install.
    """

    code, name, tier = "CDK101", "unknown-cdk-module", Tier.SAFE
    tier_note = "when one candidate"
    summary = "Imports of aws_cdk modules that do not exist"
    triggers = ("aws_cdk",)
    changelog = "Fix {count} {noun} to aws_cdk modules that do not exist"
    noun = ("import", "imports")

    # -- finding the bad module paths -----------------------------------------------------------
    @staticmethod
    def _bad_path(api, qualname: str) -> tuple[str, str] | None:
        """(parent module, missing component) when ``qualname`` names a module that does not exist."""
        parts = qualname.split(".")
        if parts[0] != "aws_cdk":
            return None
        for i in range(1, len(parts)):
            prefix = ".".join(parts[: i + 1])
            if api.module_exists(prefix):
                continue
            parent, comp = ".".join(parts[:i]), parts[i]
            if (not comp[:1].islower() or comp.endswith("_alpha") or _SEPARATE_PACKAGE.fullmatch(comp)
                    or api.has_attribute(parent, comp)):
                return None  # a class or member (CDK104's business), or a separately published package
            return parent, comp
        return None

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        api = ctx.api
        bad: dict[str, _Bad] = {}

        def note(qualname: str) -> _Bad | None:
            hit = self._bad_path(api, qualname)
            if hit is None:
                return None
            path = f"{hit[0]}.{hit[1]}"
            if path not in bad:
                bad[path] = _Bad(path, hit[0], hit[1])
            return bad[path]

        for stmt in ctx.imports.statements:
            if isinstance(stmt, cst.Import):
                for alias in stmt.names:
                    full = dotted_name(alias.name)
                    b = note(full) if full else None
                    if b is not None:
                        b.imports.append((stmt, alias))
            elif isinstance(stmt, cst.ImportFrom) and not stmt.relative and stmt.module is not None:
                module = dotted_name(stmt.module)
                if module is None:
                    continue
                b = note(module)
                if b is not None:
                    b.imports.append((stmt, None))
                    if not isinstance(stmt.names, cst.ImportStar):
                        b.members.update(n for a in stmt.names if (n := dotted_name(a.name)))
                    continue
                if isinstance(stmt.names, cst.ImportStar):
                    continue
                for alias in stmt.names:
                    name = dotted_name(alias.name)
                    b = note(f"{module}.{name}") if name else None
                    if b is not None:
                        b.imports.append((stmt, alias))
        # expressions that denote a missing module: an alias bound to it, or ``cdk.aws_elbv2``
        if not bad and not _may_reference_submodule(ctx):
            return
        for node in _module_references(ctx):
            q = ctx.qualname(node)
            if q is None:
                continue
            b = bad.get(q)
            if b is None and isinstance(node, cst.Attribute):
                b = note(q)
                if b is not None and b.path != q:
                    b = None
            if b is None:
                continue
            b.uses.append(node)
            parent = ctx.parent(node)
            if isinstance(parent, cst.Attribute) and parent.value is node:
                b.members.add(parent.attr.value)

        for b in bad.values():
            yield from self._findings(ctx, api, b)

    # -- candidates -----------------------------------------------------------------------------
    @staticmethod
    def candidates(api, parent: str, name: str, members: set[str]) -> tuple[list[str], list[str]]:
        """(well-founded candidates, fallback candidates to mention) for ``parent.name``."""
        children = sorted(m for m in api.modules if m.rpartition(".")[0] == parent)
        picks: list[str] = []
        if parent == "aws_cdk" and name in WRONG_MODULES:
            picks = [f"aws_cdk.{WRONG_MODULES[name]}"]
        elif api.module_exists(f"{parent}.aws_{name}"):
            picks = [f"{parent}.aws_{name}"]
        else:
            short = {c.rpartition(".")[2]: c for c in children}
            picks = [short[s] for s in difflib.get_close_matches(name, list(short), n=3, cutoff=0.8)]
            if getattr(api, "bundled", False):
                # the project's aws-cdk-lib is unknown (bundled index): the module may be newer
                # than the index, so a close match is only mentioned, never applied
                return [], picks
        fitting = [p for p in picks if all(api.has_attribute(p, m) for m in members)]
        return fitting, picks

    # -- findings and fixes ---------------------------------------------------------------------
    def _findings(self, ctx: FileContext, api, b: _Bad) -> Iterator[Finding]:
        if b.path == V1_CORE:
            yield from self._core_findings(ctx, api, b)
            return
        fitting, picks = self.candidates(api, b.parent, b.name, b.members)
        where = f"aws-cdk-lib {api.version}"
        if b.parent == "aws_cdk" and b.name in ALPHA_MODULES:
            alpha = ALPHA_MODULES[b.name]
            target = None
            message = (f"module `{b.path}` does not exist in {where}; CDK v2 has it as the separately "
                       f"installed `aws_cdk.{alpha}` (pip package `aws-cdk.{alpha.replace('_', '-')}`)")
        elif len(fitting) == 1:
            target = fitting[0]
            message = f"module `{b.path}` does not exist in {where}; use `{target}`"
        elif fitting:
            target = None
            message = (f"module `{b.path}` does not exist in {where}; candidates: "
                       + ", ".join(f"`{c}`" for c in fitting))
        else:
            target = None
            missing = sorted(m for m in b.members if picks and not all(api.has_attribute(p, m) for p in picks))
            extra = (f"; `{picks[0]}` lacks {', '.join(f'`{m}`' for m in missing)}" if len(picks) == 1 and missing
                     else f"; candidates: {', '.join(f'`{c}`' for c in picks)}" if picks
                     else "; no module of a similar name")
            message = f"module `{b.path}` does not exist in {where}{extra}"
        for stmt, alias in b.imports:
            fix = None if target is None else Fix([self._rename_import(stmt, alias, b.path, target)])
            yield self.finding(alias if alias is not None else stmt, message, fix)
        for use in b.uses:
            if not isinstance(use, cst.Attribute) or ctx.qualname(use.value) != b.parent:
                continue  # ``elbv2.X`` through a fixed alias needs no change
            fix = None if target is None else Fix([Edit(use, replace=_with_attr(target.rpartition(".")[2]))])
            yield self.finding(use, message, fix)

    @staticmethod
    def _rename_import(stmt: cst.Import | cst.ImportFrom, alias: cst.ImportAlias | None, path: str,
                       target: str) -> Edit:
        if alias is None:  # from aws_cdk.aws_elbv2 import X -> from aws_cdk.<target> import X
            assert isinstance(stmt, cst.ImportFrom) and stmt.module is not None
            old = dotted_name(stmt.module) or path
            new_module = target + old[len(path):]
            return Edit(stmt, replace=lambda n: n.with_changes(module=_module_expr(new_module)))
        old_name = dotted_name(alias.name) or ""
        if isinstance(stmt, cst.Import):  # import aws_cdk.aws_elbv2 [as elbv2]
            new_full = target + old_name[len(path):]
            return Edit(alias, replace=lambda n: n.with_changes(name=_module_expr(new_full)))
        # from aws_cdk import aws_elbv2 [as elbv2]: keep the name the code uses
        bound = alias.asname.name.value if alias.asname is not None and isinstance(alias.asname.name, cst.Name) \
            else old_name
        new_name = target.rpartition(".")[2]

        def rename(n: cst.ImportAlias) -> cst.ImportAlias:
            asname = n.asname if n.asname is not None else cst.AsName(name=cst.Name(bound))
            return n.with_changes(name=cst.Name(new_name), asname=None if bound == new_name else asname)

        return Edit(alias, replace=rename)

    # -- CDK v1 core ----------------------------------------------------------------------------
    @staticmethod
    def core_target(api, member: str) -> str | None:
        """Where a v1 ``core`` member lives in v2: ``aws_cdk.X``, or ``constructs.X``; None if gone."""
        if api.has_type(f"aws_cdk.{member}"):
            return f"aws_cdk.{member}"
        if member in V1_CORE_MOVED:
            return V1_CORE_MOVED[member]
        if api.has_type(f"constructs.{member}"):
            return f"constructs.{member}"
        return None

    def _core_findings(self, ctx: FileContext, api, b: _Bad) -> Iterator[Finding]:
        targets = {m: self.core_target(api, m) for m in b.members}
        gone = sorted(m for m, t in targets.items() if t is None)
        base = f"CDK v1 module `aws_cdk.core` does not exist in aws-cdk-lib {api.version}"
        if gone:
            message = f"{base}; no v2 home for {', '.join(f'`core.{m}`' for m in gone)}: migrate by hand"
        else:
            message = f"{base}; its classes are in `aws_cdk` (`Construct` in `constructs`)"
        root_alias = ctx.imports.alias_for("aws_cdk")
        for stmt, alias in b.imports:
            fix = None if gone else self._core_import_fix(ctx, b, stmt, alias, root_alias, targets)
            yield self.finding(alias if alias is not None else stmt, message, fix)
        for use in b.uses:
            if isinstance(use, cst.Attribute) and ctx.qualname(use.value) == "aws_cdk":
                # ``cdk.core.X`` / ``aws_cdk.core.X`` with aws_cdk bound: drop ``.core``
                fix = None if gone else self._core_use_fix(ctx, use, dotted_name(use.value) or "aws_cdk", targets)
                yield self.finding(use, message, fix)

    def _core_use_fix(self, ctx: FileContext, use: cst.BaseExpression, root: str,
                      targets: dict[str, str | None]) -> Fix | None:
        parent = ctx.parent(use)
        if not (isinstance(parent, cst.Attribute) and parent.value is use):
            return None  # the module itself is used as a value: cannot be rewritten member-wise
        target = targets.get(parent.attr.value)
        if target is None:
            return None
        if target.startswith("aws_cdk."):
            return Fix([ctx.replace(parent, f"{root}.{target[len('aws_cdk.'):]}")])
        return Fix([_moved_edit(ctx, parent, target)])

    def _core_import_fix(self, ctx: FileContext, b: _Bad, stmt: cst.Import | cst.ImportFrom,
                         alias: cst.ImportAlias | None, root_alias: str | None,
                         targets: dict[str, str | None]) -> Fix | None:
        edits: list[Edit] = []
        if alias is None:
            # from aws_cdk.core import Stack, Construct as C -> from aws_cdk import Stack / from constructs import ...
            assert isinstance(stmt, cst.ImportFrom)
            if isinstance(stmt.names, cst.ImportStar):
                return None
            groups: dict[str, list[str]] = {}
            for a in stmt.names:
                name = dotted_name(a.name) or ""
                target = targets.get(name)
                if target is None:
                    return None
                module, _, real = target.rpartition(".")
                local = a.asname.name.value if a.asname is not None and isinstance(a.asname.name, cst.Name) else None
                groups.setdefault(module, []).append(real if local in (None, real) else f"{real} as {local}")
            texts = [f"from {m} import {', '.join(names)}" for m, names in groups.items()]
            first = cst.parse_statement(texts[0] + "\n")
            assert isinstance(first, cst.SimpleStatementLine)
            new_stmt = first.body[0]
            return Fix([Edit(stmt, replace=lambda n: new_stmt, imports=texts[1:])])
        # the module bound to a name: ``core`` (or another alias) or, for ``import aws_cdk.core``, ``aws_cdk``
        if isinstance(stmt, cst.Import) and alias.asname is None:
            # import aws_cdk.core -> import aws_cdk (uses ``aws_cdk.core.X`` are fixed one by one)
            edits.append(Edit(alias, replace=lambda n: n.with_changes(name=cst.Name("aws_cdk"))))
            return Fix(edits)
        bound = (alias.asname.name.value if alias.asname is not None and isinstance(alias.asname.name, cst.Name)
                 else dotted_name(alias.name) or "core")
        alias_uses = [u for u in b.uses if isinstance(u, cst.Name) and u.value == bound]
        member_uses = [u for u in alias_uses if isinstance(ctx.parent(u), cst.Attribute)
                       and ctx.parent(u).value is u]  # type: ignore[union-attr]
        renamable = len(member_uses) == len(alias_uses)
        if root_alias is not None and renamable:
            new_alias, keep_import = root_alias, False  # reuse ``import aws_cdk as cdk``
        elif bound == "core" and renamable and ("cdk" not in ctx._identifiers()):
            new_alias, keep_import = "cdk", True
        else:
            new_alias, keep_import = bound, True
        for u in member_uses:
            parent = ctx.parent(u)
            assert isinstance(parent, cst.Attribute)
            target = targets[parent.attr.value]
            assert target is not None
            if target.startswith("aws_cdk."):
                if new_alias != bound:
                    edits.append(Edit(u, replace=lambda n, a=new_alias: n.with_changes(value=a)))
            else:
                edits.append(_moved_edit(ctx, parent, target))
        new_import = f"import aws_cdk as {new_alias}" if new_alias != "aws_cdk" else "import aws_cdk"
        edits.append(self._replace_binding(ctx, stmt, alias, new_import if keep_import else None))
        return Fix(edits)

    @staticmethod
    def _replace_binding(ctx: FileContext, stmt: cst.Import | cst.ImportFrom, alias: cst.ImportAlias,
                         new_import: str | None) -> Edit:
        """Replace the alias's import by ``new_import`` in place (or drop it when None)."""
        names = list(stmt.names) if not isinstance(stmt.names, cst.ImportStar) else []
        index = next(i for i, a in enumerate(names) if a is alias)
        if len(names) == 1:
            if new_import is None:
                return ctx.remove_statement(stmt) if _alone(ctx, stmt) else Edit(
                    stmt, replace=lambda n: cst.RemovalSentinel.REMOVE)
            line = cst.parse_statement(new_import + "\n")
            assert isinstance(line, cst.SimpleStatementLine)
            new_small = line.body[0]
            return Edit(stmt, replace=lambda n: new_small)

        def drop(n: cst.Import | cst.ImportFrom) -> cst.Import | cst.ImportFrom:
            current = list(n.names)  # type: ignore[arg-type]
            kept = [a for i, a in enumerate(current) if i != index]
            if index == len(current) - 1:  # the new last name takes over the trailing comma (or none)
                kept[-1] = kept[-1].with_changes(comma=current[index].comma)
            return n.with_changes(names=kept)

        return Edit(stmt, replace=drop, imports=[new_import] if new_import else [])


def _may_reference_submodule(ctx: FileContext) -> bool:
    """Cheap text test: does ``<alias of an aws_cdk module>.<lower-case name>`` occur at all?"""
    aliases = [a for a, q in ctx.imports.aliases.items() if q == "aws_cdk" or ctx.api.module_exists(q)]
    if not aliases:
        return False
    pattern = r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\s*\.\s*[a-z]"
    return re.search(pattern, ctx.source) is not None


def _alone(ctx: FileContext, small: cst.CSTNode) -> bool:
    line = ctx.parent(small)
    return isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1


def _with_attr(name: str):
    return lambda n: n.with_changes(attr=cst.Name(name))


def _module_references(ctx: FileContext) -> list[cst.BaseExpression]:
    """Names bound to an aws_cdk module, and ``<alias>.<lower-case name>`` chains (``cdk.aws_elbv2``)."""
    aliases = ctx.imports.aliases
    names: list[cst.BaseExpression] = [n for alias in aliases for n in ctx.references.get(alias, ())]
    chains = [a for a in ctx.attributes if a.attr.value[:1].islower() and (root := root_name(a)) is not None
              and root.value in aliases]
    return names + chains


def _spell_moved(ctx: FileContext, target: str) -> str:
    """How to write ``constructs.Construct``: an alias in scope, else the bare name (imported by
    ``from constructs import Construct``) unless that name is already taken."""
    existing = ctx.imports.alias_for(target)
    if existing is not None:
        return existing
    module, _, name = target.rpartition(".")
    if name not in ctx.references:
        return name
    return f"`{target}`"


def _moved_edit(ctx: FileContext, node: cst.CSTNode, target: str) -> Edit:
    spelled = _spell_moved(ctx, target)
    if spelled.startswith("`"):
        return ctx.replace(node, spelled)
    module, _, name = target.rpartition(".")
    expr = cst.parse_expression(spelled)
    imports = [] if ctx.imports.alias_for(target) is not None else [f"from {module} import {name}"]
    return Edit(node, replace=lambda n: expr, imports=imports)
