"""The command line: ``check``, ``fix`` (``--diff``), ``rules``, ``explain``, ``pr``, ``verify`` and
``server``. The commands live in modules of this package (:mod:`~remediator.cli.commands` for
``check`` and ``fix``, whose docstring gives the exit statuses); this module is the group.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click

from remediator import __version__
from remediator.analysis.rule import Tier
from remediator.api import CDK_PYTHON_ENV
from remediator.cli.commands import EXIT_ERROR, check, fix
from remediator.cli.options import request as _request  # noqa: F401  (remediator.pr.command uses it)
from remediator.cli.terminal import color_setting
from remediator.transforms import all_rules, rule_by_code


def version_line() -> str:
    """``remediator 0.1.0 (aws-cdk-lib 2.275.0 API from /srv/app/.venv/lib/python3.12/site-packages)``"""
    from remediator.api import api_origin

    version, _, where = api_origin(os.environ.get(CDK_PYTHON_ENV) or None)
    return f"remediator {__version__} (aws-cdk-lib {version} API from {where})"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_line())
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Print the version and the aws-cdk-lib API in use, and exit.")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Repair misconfigured AWS CDK (Python) stacks in their source."""
    ctx.color = color_setting()


main.add_command(check)
main.add_command(fix)


@main.command("rules")
@click.option("--format", "--output-format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def rules_cmd(output_format: str) -> None:
    """List every rule: code, name, tier (safe, unsafe, report, and when it depends), summary."""
    rows = all_rules()
    if output_format == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "tier": r.tier.value, "tier_label": r.tier_label(),
                                "summary": r.summary, "default": r.default_enabled} for r in rows], indent=2))
        return
    width = max((len(r.name) for r in rows), default=4)
    tier_width = max((len(r.tier_label()) for r in rows), default=4)
    click.echo(f"{'CODE':<7} {'NAME':<{width}} {'TIER':<{tier_width}} SUMMARY")
    for r in rows:
        off = "" if r.default_enabled else " (off by default)"
        code = click.style(f"{r.code:<7}", fg="red", bold=True)
        click.echo(f"{code} {r.name:<{width}} {r.tier_label():<{tier_width}} {r.summary}{off}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print a rule's documentation (What it does / Why is this bad? / Example / Fix safety)."""
    rule = rule_by_code(code)
    if rule is None:
        click.echo(f"error: unknown rule {code!r} (see `remediator rules`)", err=True)
        sys.exit(EXIT_ERROR)
    tier = {Tier.SAFE: "safe", Tier.UNSAFE: "unsafe (needs --unsafe-fixes)", Tier.REPORT: "report only"}[rule.tier]
    note = f" ({rule.tier_note.strip('() ')})" if rule.tier_note else ""
    click.echo(f"# {rule.name} ({rule.code})\n\nTier: {tier}{note}\n\n{rule.documentation()}")


@main.command()
def server() -> None:
    """Run the language server on stdin/stdout (diagnostics as you type, fixes as code actions).

    Needs the `lsp` extra: pip install 'remediator[lsp]'."""
    try:
        from remediator.lsp import serve
    except ImportError as exc:
        click.echo(f"error: the language server needs pygls ({exc}); install it with: pip install 'remediator[lsp]'",
                   err=True)
        sys.exit(EXIT_ERROR)
    serve()


def _add_late_commands(group: Any) -> None:
    from remediator.pr.command import pr_command  # imports remediator.cli for the request builder
    from remediator.verify.command import verify_command

    group.add_command(pr_command)
    group.add_command(verify_command)


_add_late_commands(main)


if __name__ == "__main__":  # pragma: no cover
    main()
