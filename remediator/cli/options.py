"""The options the commands share, in groups, so that each command lists only what it uses."""

from __future__ import annotations

import os
from typing import Any, Callable

import click

from remediator.api import CDK_PYTHON_ENV
from remediator.runner import Request
from remediator.source.config import split_codes

FORMATS = ("text", "json", "sarif", "github")


def _apply(options: list[Callable[[Any], Any]], fn: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(options):
        fn = option(fn)
    return fn


def selection(fn: Callable[..., Any]) -> Callable[..., Any]:
    """PATHS and what to run on them: rules, tier, configuration, workers, the API's Python."""
    return _apply([
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--select", multiple=True,
                     help="Rule codes or prefixes to enable (comma-separated), e.g. CDK3,CDK401."),
        click.option("--ignore", multiple=True, help="Rule codes or prefixes to disable (comma-separated)."),
        click.option("--extend-select", multiple=True,
                     help="Rule codes or prefixes to enable in addition to the selection."),
        click.option("--unsafe-fixes/--no-unsafe-fixes", default=None,
                     help="Also apply fixes that may replace, orphan or delete a deployed resource."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Configuration file (default: nearest pyproject.toml with [tool.remediator])."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: CPU count)."),
        click.option("--cdk-python", type=click.Path(), envvar=CDK_PYTHON_ENV,
                     help="Python (or venv) whose aws-cdk-lib is the API ground truth and, with --verify, "
                          "runs the app (default: this one, then ./.venv)."),
    ], fn)


def output(fn: Callable[..., Any]) -> Callable[..., Any]:
    return _apply([
        click.option("--format", "--output-format", "output_format", type=click.Choice(FORMATS), default="text",
                     show_default=True,
                     help="text; json (findings, errors, fixes); sarif (2.1.0); github (workflow annotations)."),
        click.option("--output-file", type=click.Path(dir_okay=False),
                     help="Write the report to this file instead of standard output."),
    ], fn)


def changelog(fn: Callable[..., Any]) -> Callable[..., Any]:
    return _apply([
        click.option("--no-changelog", is_flag=True, help="Do not add a changelog entry."),
        click.option("--changelog", "changelog_path", type=click.Path(dir_okay=False),
                     help="Changelog to update (default: CHANGELOG.md at the repository root)."),
    ], fn)


VERIFY_HELP = {
    "check": "Synthesize the app before and after the fix `fix` would make and report what changes in the "
             "deployed infrastructure (needs Node.js and aws-cdk-lib).",
    "fix": "Synthesize the app before and after the fix and report what changes in the deployed "
           "infrastructure (needs Node.js and aws-cdk-lib); write nothing when the fix breaks synthesis, "
           "or replaces a resource without --unsafe-fixes.",
    "pr": "Synthesize the app before and after the fix (needs Node.js and aws-cdk-lib); push nothing when "
          "the fix breaks synthesis; list the resources it would replace in the pull request.",
}


def verification(command: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--verify`` and how to run the app (as ``remediator verify`` takes them)."""
    from remediator.verify.synthesize import DEFAULT_TIMEOUT

    return lambda fn: _apply([
        click.option("--verify", is_flag=True, help=VERIFY_HELP[command]),
        click.option("--app", "app", metavar="PATH",
                     help="With --verify: the app's entry point (default: cdk.json's \"app\", else app.py)."),
        click.option("-c", "--context", "context", multiple=True, metavar="KEY=VALUE",
                     help="With --verify: context for the app, as `cdk synth -c` (repeatable)."),
        click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
                     help="With --verify: seconds each synth may take."),
    ], fn)


def request(opts: dict[str, Any], fix: bool, diff: bool = False, **extra: Any) -> Request:
    """The runner's request for the options of ``check``, ``fix`` or ``pr``."""
    cdk_python = opts.get("cdk_python")
    return Request(paths=list(opts["paths"]) or ["."], fix=fix, diff=diff, select=split_codes(opts["select"]),
                   ignore=split_codes(opts["ignore"]), extend_select=split_codes(opts["extend_select"]),
                   unsafe_fixes=opts["unsafe_fixes"], changelog=not opts.get("no_changelog", False),
                   changelog_path=opts.get("changelog_path"), config_path=opts["config_path"], jobs=opts["jobs"],
                   cdk_python=os.path.abspath(cdk_python) if cdk_python else None, **extra)
