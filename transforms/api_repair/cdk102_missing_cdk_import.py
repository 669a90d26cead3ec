from __future__ import annotations

import builtins
import re
from typing import Iterator

import libcst as cst

from remediator.analysis.context import CONVENTIONAL_ALIASES, FileContext
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier

_ATTR = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\.\s*([A-Za-z_]\w*)")
_BUILTINS = frozenset(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__", "__path__", "__builtins__"}


def suggested_names() -> list[str]:
    """This rule writes only module names that the index itself returned (``modules_defining``);
    the conventional aliases it matches against must name real modules (tests/test_api_names.py)."""
    return sorted(CONVENTIONAL_ALIASES)


def import_statement(module: str, alias: str) -> str:
    """``from aws_cdk import aws_cloudwatch_actions as cw_actions``; ``import aws_cdk as cdk``."""
    if "." not in module:
        return f"import {module}" if alias == module else f"import {module} as {alias}"
    parent, _, last = module.rpartition(".")
    return f"from {parent} import {last}" if alias == last else f"from {parent} import {last} as {alias}"


def alias_fits(alias: str, module: str) -> bool:
    """Whether a local name is a usual spelling of a module: ``cloudwatch_actions``,
    ``aws_cloudwatch_actions``, ``cw_actions`` (conventional), ``lambda_``/``_lambda``, ``cdk``."""
    short = module.rpartition(".")[2]
    bare = alias.strip("_")
    if module == "aws_cdk":
        return alias in ("cdk", "aws_cdk")
    return (alias == short or bare == short or (short.startswith("aws_") and bare == short[4:])
            or CONVENTIONAL_ALIASES.get(module) == alias)


_FITTING: dict[int, frozenset[str]] = {}


def _fitting_aliases(api) -> frozenset[str]:
    """Every name :func:`alias_fits` accepts for some module (a superset test, per index)."""
    key = id(api)
    if key not in _FITTING:
        names = {"cdk", "aws_cdk", *CONVENTIONAL_ALIASES.values()}
        for m in api.modules:
            short = m.rpartition(".")[2]
            names.add(short)
            if short.startswith("aws_"):
                names.add(short[4:])
        _FITTING[key] = frozenset(names)
    return _FITTING[key]


def _prefer_public(modules: list[str]) -> list[str]:
    """Drop ``aws_cdk.interfaces.*`` (reference interfaces only) when a regular module remains."""
    public = [m for m in modules if not m.startswith("aws_cdk.interfaces.")]
    return public or modules


class MissingCdkImport(Rule):
    """
    ## What it does
    Finds a name used as `alias.Member` (`cloudwatch_actions.SnsAction(topic)`) that the file never
    binds — no import, assignment, parameter or definition anywhere — where `Member` is an
    aws-cdk-lib (or constructs) class, and adds the import that binds the alias to the module
    defining it: `from aws_cdk import aws_cloudwatch_actions as cloudwatch_actions`.

    ## Why is this bad?
    The stack fails with `NameError: name 'cloudwatch_actions' is not defined` as soon as the
    line runs, so `cdk synth` never produces a template. AI drafts often use a module alias they
    forgot to import (seed 001: `cloudwatch_actions.SnsAction`).

    ## Example
    ```python
    from aws_cdk import aws_cloudwatch as cloudwatch

    alarm = cloudwatch.Alarm(...)
    alarm.add_alarm_action(cloudwatch_actions.SnsAction(topic))
    ```
    Use instead:
    ```python
    from aws_cdk import aws_cloudwatch as cloudwatch
    from aws_cdk import aws_cloudwatch_actions as cloudwatch_actions

    alarm = cloudwatch.Alarm(...)
    alarm.add_alarm_action(cloudwatch_actions.SnsAction(topic))
    ```

    ## Fix safety
    Safe: the import keeps the alias the code already uses, and is added only when exactly one
    module defines every member used through the alias (`SnsAction` exists only in
    `aws_cloudwatch_actions`), or, when several do, exactly one of them is named like the alias
    (`lambda_.Function` -> `aws_lambda`). Otherwise the finding lists the candidates. Files with
    `from x import *` or dynamic name tricks (`globals()`, `exec`) are left alone, as is a name used
    other than as `alias.Member`.
    """

    code, name, tier = "CDK102", "missing-cdk-import", Tier.SAFE
    checks_api = True
    summary = "Module aliases used but never imported"
    triggers = ()
    changelog = "Add {count} missing aws_cdk {noun}"
    noun = ("import", "imports")

    @staticmethod
    def _candidates_in_text(ctx: FileContext) -> bool:
        """Cheap text test before walking the tree: some ``X.Member`` whose ``X`` is not an
        imported alias, and whose ``Member`` is an aws-cdk-lib class or ``X`` a module's name."""
        api = ctx.api
        fitting = _fitting_aliases(api)
        for alias, member in set(_ATTR.findall(ctx.source)):
            if alias in ctx.imports.aliases or alias in _BUILTINS or alias == "self":
                continue
            if api.modules_defining(member) or alias in fitting or alias.strip("_") in fitting:
                return True
        return False

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        if not self._candidates_in_text(ctx):
            return
        if any(isinstance(stmt, cst.ImportFrom) and isinstance(stmt.names, cst.ImportStar)
               for stmt in ctx.imports.statements):
            return
        if any(name in ctx.references for name in ("globals", "locals", "exec", "eval", "__import__")):
            return  # names may be bound in ways we cannot see
        # `X.Member` uses of each name, and the names also used otherwise
        attr_uses: dict[str, list[tuple[cst.Attribute, str]]] = {}
        for node in ctx.attributes:
            if isinstance(node.value, cst.Name):
                attr_uses.setdefault(node.value.value, []).append((node, node.attr.value))
        bound = ctx.scopes.bound_anywhere()
        api = ctx.api
        for alias, uses in attr_uses.items():
            other_uses = len(ctx.references.get(alias, ())) > len(uses)
            if alias in bound or alias in _BUILTINS or other_uses or alias == "self":
                continue
            members = list(dict.fromkeys(m for _, m in uses))
            per_member = [set(api.modules_defining(m)) for m in members]
            named = _prefer_public(sorted(m for m in api.modules if alias_fits(alias, m)))
            if not any(per_member) and not named:
                continue  # neither a class nor a module name of aws-cdk-lib: not ours to judge
            common = sorted(set.intersection(*per_member))
            chosen = common if len(common) == 1 else _prefer_public([m for m in common if alias_fits(alias, m)])
            first = uses[0][0]
            shown = ", ".join(f"`{alias}.{m}`" for m in members)
            if len(chosen) == 1:
                module = chosen[0]
                stmt = import_statement(module, alias)
                yield self.finding(first, f"`{alias}` is never imported ({shown}); add `{stmt}`",
                                   Fix([Edit(first, imports=[stmt])]))
            elif common:
                yield self.finding(first, f"`{alias}` is never imported ({shown}); defined in several modules: "
                                   + ", ".join(f"`{m}`" for m in common))
            elif named:
                lacking = [m for m in members if not any(api.has_attribute(n, m) for n in named)]
                yield self.finding(first, f"`{alias}` is never imported ({shown}); "
                                   + ", ".join(f"`{n}`" for n in named) + (" matches" if len(named) == 1 else " match") + " the name but has no "
                                   + ", ".join(f"`{m}`" for m in lacking))
