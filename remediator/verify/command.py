"""``remediator verify [PATH]``: the working tree against git ``HEAD`` (or ``--base REV``), for
reviewing a branch (a bot's fix, a colleague's change) before it is merged or deployed.

"After" is the working tree as it is, synthesized in place. "Before" is a temporary copy of the
work tree (see :mod:`remediator.verify.snapshot`) in which every file that differs from the base
is put back as it is there: files changed or deleted since get the base's bytes (``git cat-file``),
files added since (staged or untracked, not ignored) are left out. Ignored files (build output the
app reads) are the same on both sides. The user's work tree, index and refs are never written.

Exit status: 0 nothing breaks and nothing is replaced; 1 the change breaks synthesis or replaces
(or deletes) a resource; 2 synthesis cannot run (one line on stderr naming why, then the app's
last error lines), or PATH is not in a git work tree.
"""

from __future__ import annotations

import os
import subprocess
import sys

import click

from remediator.verify.app import VerifyError, find_app_dir, git_toplevel, parse_context_options
from remediator.verify.report import render_json, render_text
from remediator.verify.snapshot import Snapshot
from remediator.verify.synthesize import DEFAULT_TIMEOUT
from remediator.verify.verification import Verification, verify_snapshots

CDK_PYTHON_ENV = "REMEDIATOR_CDK_PYTHON"


class GitError(Exception):
    pass


def _git(top: str, *args: str) -> bytes:
    proc = subprocess.run(["git", *args], cwd=top, capture_output=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"])[-1]
        raise GitError(f"git {' '.join(args)}: {last}")
    return proc.stdout


def changes_since(top: str, base: str) -> dict[str, bytes | None]:
    """Every file of the work tree ``top`` that differs from ``base``: absolute path -> the base's
    bytes (None: the file is not in the base). Untracked files that are not ignored count as added."""
    try:
        commit = _git(top, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"{top}: unknown git revision {base!r} (a repository without commits has no HEAD)") from None
    raw = _git(top, "diff", "--raw", "--no-renames", "-z", commit, "--").split(b"\0")
    out: dict[str, bytes | None] = {}
    i = 0
    while i + 1 < len(raw):
        meta, name = raw[i].decode(), os.fsdecode(raw[i + 1])
        i += 2
        # ":100644 100644 <sha> <sha> M" -- a gitlink (160000, a submodule) is not a file to put back
        old_mode, status = meta.split()[0].lstrip(":"), meta.split()[-1]
        path = os.path.join(top, name)
        if status == "A":
            out[path] = None
        elif old_mode != "160000":
            out[path] = _git(top, "cat-file", "blob", f"{commit}:{name}")
    for name in _git(top, "ls-files", "--others", "--exclude-standard", "-z").split(b"\0"):
        if name:
            out[os.path.join(top, os.fsdecode(name))] = None
    return out


def verify_worktree(path: str, *, base: str = "HEAD", **options) -> Verification | None:
    """:func:`~remediator.verify.verification.verify_snapshots` with the base as "before" and the
    work tree as "after"; None when nothing differs from the base. Raises :class:`GitError` outside
    a git work tree or for an unknown base."""
    app_dir = find_app_dir(path)
    top = git_toplevel(app_dir)
    if top is None:
        raise GitError(f"{path}: not inside a git work tree (remediator verify compares it with {base})")
    reverted = changes_since(top, base)
    if not reverted:
        return None
    before = Snapshot.of(app_dir, reverted, top)
    after = Snapshot.of(app_dir, None, top)
    after.ignored = before.ignored
    return verify_snapshots(before, after, changed=sorted(reverted), **options)


@click.command("verify")
@click.argument("path", default=".", type=click.Path(exists=True))
@click.option("--base", default="HEAD", show_default=True, help="Git revision to compare the working tree with.")
@click.option("--app", "app", metavar="PATH", help="The app's entry point (default: cdk.json's \"app\", else app.py).")
@click.option("-c", "--context", "context", multiple=True, metavar="KEY=VALUE",
              help="Context for the app, as `cdk synth -c` (repeatable); wins over cdk.json.")
@click.option("--cdk-python", type=click.Path(), envvar=CDK_PYTHON_ENV,
              help="Python (or venv) with aws-cdk-lib to run the app (default: the project's .venv, then this one).")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds each synth may take.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def verify_command(path: str, base: str, app: str | None, context: tuple[str, ...], cdk_python: str | None,
                   timeout: float, output_format: str) -> None:
    """Synthesize the app at PATH as in git HEAD and as in the working tree, and compare: synth
    before/after, cdk-nag findings per rule, resources added/removed/modified per stack, and
    resources CloudFormation would replace. Exit 0 fine, 1 broken or replacing, 2 cannot run."""
    try:
        ctx = parse_context_options(context)
    except VerifyError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    try:
        verification = verify_worktree(path, base=base, python=cdk_python, timeout=timeout, app=app, context=ctx)
    except (GitError, VerifyError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if verification is None:
        click.echo(f"verify {path}: no change since {base}; nothing to compare", err=True)
        sys.exit(0)
    if output_format == "json":
        click.echo(render_json(verification, os.getcwd()), nl=False)
    elif verification.cannot_run is None:
        click.echo(render_text(verification), nl=False)
    if verification.cannot_run is not None:
        click.echo(f"error: {verification.cannot_run.line}", err=True)
        for line in verification.cannot_run.lines:
            click.echo(f"  {line}", err=True)
    sys.exit(verification.exit_status)
