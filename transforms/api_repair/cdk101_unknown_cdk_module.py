from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterator

import libcst as cst

from remediator.analysis.bindings import root_name
from remediator.analysis.cdk_modules import (
    ALPHA_MODULES,
    SEPARATE_PACKAGE,
    V1_CORE,
    V1_CORE_MOVED,
    WRONG_MODULES,
    graduated_alpha,
)
from remediator.analysis.context import FileContext
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier

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
    (`aws_cdk.aws_lambda_python_alpha`, `aws_cdk.lambda_layer_kubectl_v31`) are left alone, but for
    an alpha module that aws-cdk-lib now ships as a stable module (`aws_cdk.aws_apigatewayv2_alpha`:
    `aws_cdk.aws_apigatewayv2`) which the project neither installs beside its aws-cdk-lib nor
    declares (requirements, pyproject, setup): moved to the stable module, unsafe (the stable
    constructs may differ from the alpha version's), when every member used exists there; CDK
    v1 experimental modules that v2 ships only as such packages (`aws_cdk.aws_lambda_python`) are
    reported with the package to install.
    """

    code, name, tier = "CDK101", "unknown-cdk-module", Tier.SAFE
    checks_api = True
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
            if (not comp[:1].islower() or comp.endswith("_alpha") or SEPARATE_PACKAGE.fullmatch(comp)
                    or api.has_attribute(parent, comp)):
                return None  # a class or member (CDK104's business), or a separately published package
            return parent, comp
        return None

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        api = ctx.api
        bad: dict[str, _Bad] = {}

        def note(qualname: str) -> _Bad | None:
            hit = self._bad_path(api, qualname) or graduated_alpha(ctx, api, qualname)
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
        if parent == "aws_cdk" and name.endswith("_alpha"):  # (a graduated alpha module: see graduated_alpha)
            picks = [f"aws_cdk.{name.removesuffix('_alpha')}"]
        elif parent == "aws_cdk" and name in WRONG_MODULES:
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
        elif len(fitting) == 1 and b.name.endswith("_alpha"):
            target = fitting[0]
            message = (f"module `{b.path}` is not installed (the project does not declare `aws-cdk."
                       f"{b.name.replace('_', '-')}`), and {where} has it as the stable `{target}`: use it "
                       "(with --unsafe-fixes: a stable module's constructs may differ from the alpha's)")
            for stmt, alias in b.imports:
                yield self.finding(alias if alias is not None else stmt, message,
                                   Fix([self._rename_import(stmt, alias, b.path, target)], tier=Tier.UNSAFE))
            return
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
            fix = None if target is None else Fix([Edit.rename_attribute(use, target.rpartition(".")[2])])
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
        edits.append(Edit.drop_import_name(stmt, alias, new_import if keep_import else None))
        return Fix(edits)


def _may_reference_submodule(ctx: FileContext) -> bool:
    """Cheap text test: does ``<alias of an aws_cdk module>.<lower-case name>`` occur at all?"""
    aliases = [a for a, q in ctx.imports.aliases.items() if q == "aws_cdk" or ctx.api.module_exists(q)]
    if not aliases:
        return False
    pattern = r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\s*\.\s*[a-z]"
    return re.search(pattern, ctx.source) is not None


def _module_references(ctx: FileContext) -> list[cst.BaseExpression]:
    """Names bound to an aws_cdk module, and ``<alias>.<lower-case name>`` chains (``cdk.aws_elbv2``)."""
    aliases = ctx.imports.aliases
    names: list[cst.BaseExpression] = [n for alias in aliases for n in ctx.references.get(alias, ())]
    chains = [a for a in ctx.attributes if a.attr.value[:1].islower() and (root := root_name(a)) is not None
              and root.value in aliases]
    return names + chains


def _moved_edit(ctx: FileContext, node: cst.CSTNode, target: str) -> Edit:
    """Replace ``node`` by ``target`` (``constructs.Construct``) as the file spells it, adding the import."""
    return ctx.replace(node, f"`{target}`")
