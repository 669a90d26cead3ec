"""``remediator pr``: the click command."""

from __future__ import annotations

import os
import sys
import traceback

import click

from remediator.api import CDK_PYTHON_ENV
from remediator.cli.options import verification
from remediator.output.files import sigterm_as_exit
from remediator.pr import PrError, redact
from remediator.pr.bot import DEFAULT_AUTHOR, DEFAULT_PREFIX, Bot, Options
from remediator.pr.git import Git, Identity
from remediator.pr.github import DEFAULT_API_URL, GitHubApi, check_repo, repo_from_remote

EXIT_OK, EXIT_ERROR = 0, 2


@click.command("pr")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--base", help="Branch the fixes are for (default: the remote's default branch).")
@click.option("--remote", default="origin", show_default=True, help="Git remote to read the base from and push to.")
@click.option("--branch-prefix", default=DEFAULT_PREFIX, show_default=True,
              help="The fix branch is <prefix><base>.")
@click.option("--author", default=DEFAULT_AUTHOR, show_default=True,
              help="Author and committer of the fix commit, 'Name <email>'.")
@click.option("--label", "labels", multiple=True, help="Label to add to the pull request (repeatable).")
@click.option("--github-repo", help="owner/name on GitHub (default: read from the remote's URL).")
@click.option("--api-url", default=DEFAULT_API_URL, show_default=True,
              help="GitHub REST API root (GitHub Enterprise Server: https://HOST/api/v3).")
@click.option("--token-env", default="GITHUB_TOKEN", show_default=True,
              help="Environment variable that holds the GitHub token.")
@click.option("--allow-dirty", is_flag=True, help="Run even when the work tree has uncommitted changes.")
@click.option("--dry-run", is_flag=True,
              help="Print the branch, commit message and pull request body; push nothing, call no API.")
@click.option("--select", multiple=True, help="Rule codes or prefixes to enable (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to disable (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rule codes or prefixes to enable in addition to the selection.")
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=None,
              help="Also apply fixes that may replace, orphan or delete a deployed resource.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: nearest pyproject.toml with [tool.remediator]).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: CPU count).")
@click.option("--cdk-python", type=click.Path(), envvar=CDK_PYTHON_ENV,
              help="Python (or venv) whose aws-cdk-lib is the API ground truth (and, with --verify, runs the app).")
@verification("pr")
def pr_command(paths, base, remote, branch_prefix, author, labels, github_repo, api_url, token_env, allow_dirty,
               dry_run, select, ignore, extend_select, unsafe_fixes, config_path, jobs, cdk_python, verify, app,
               context, timeout) -> None:
    """Commit the fixes on the branch <prefix><base> and open or update its pull request.

    Run in a clone of the repository. The fix is built from the base branch on the remote in a
    temporary worktree: your work tree and current branch are never touched. Idempotent: nothing
    to fix closes the open pull request; the same fix pushes and edits nothing.

    The token is read from $GITHUB_TOKEN (or --token-env) and never printed.

    With --verify, the fix is synthesized before and after (as fix --verify): a fix that breaks
    synthesis, or that cannot be verified, is not pushed; the resources it would replace are
    listed in the pull request body.

    Exit status: 0 when the pull request was opened, updated or already current, or there was
    nothing to do; 2 on any error (one line on stderr naming the cause and what to do).
    """
    token = os.environ.get(token_env, "")
    secrets = [token] if token else []
    try:
        try:
            identity = Identity.parse(author)
        except ValueError as exc:
            raise PrError(f"--author: {exc}") from None
        if not api_url.startswith(("http://", "https://")):
            raise PrError(f"--api-url {api_url!r} is not an http(s) URL")
        from remediator.cli import _request  # imported late: remediator.cli imports this module

        request = _request(dict(paths=paths, select=select, ignore=ignore, extend_select=extend_select,
                                unsafe_fixes=unsafe_fixes, no_changelog=False, changelog_path=None,
                                config_path=config_path, jobs=jobs, cdk_python=cdk_python), fix=True)
        opts = Options(request=request, base=base, remote=remote, branch_prefix=branch_prefix, author=identity,
                       labels=list(labels), allow_dirty=allow_dirty, dry_run=dry_run,
                       verify=_verifier(app, context, timeout, cdk_python, say=click.echo) if verify else None)
        api = None
        if not dry_run:
            if not token:
                raise PrError(f"no GitHub token: set {token_env} (or name the variable that holds it with "
                              "--token-env), or use --dry-run")
            repo = check_repo(github_repo) if github_repo else _repo_of_remote(opts, remote)
            api = lambda: GitHubApi(repo, token, api_url, token_env=token_env)  # noqa: E731
        with sigterm_as_exit():
            line = Bot(opts, api, say=lambda text: click.echo(redact(text, secrets))).run()
    except PrError as exc:
        click.echo(f"error: {redact(str(exc), secrets)}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: still one line, and never the token
        if os.environ.get("REMEDIATOR_DEBUG"):
            click.echo(redact(traceback.format_exc(), secrets), err=True)
        click.echo(f"error: unexpected {type(exc).__name__}: {redact(str(exc), secrets)} "
                   "(set REMEDIATOR_DEBUG=1 for the traceback)", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(redact(line, secrets))
    sys.exit(EXIT_OK)


def _verifier(app, context, timeout, cdk_python, say):
    """The bot's ``verify`` hook: synthesize the planned fix; the replacement risks for the body,
    or PrError (nothing pushed) when synthesis cannot run or the fix breaks it."""
    from remediator.cli.verifying import VerifyOptions, verify_plan
    from remediator.verify import VerifyError

    try:
        options = VerifyOptions.parse(app, context, timeout, os.path.abspath(cdk_python) if cdk_python else None)
    except VerifyError as exc:
        raise PrError(str(exc)) from None

    def verify(plan):
        risks = []
        for checked in verify_plan(plan, options):
            reason = checked.blocks_write(unsafe_fixes=True, root=plan.root)
            if reason is not None:  # cannot run, or the fix breaks synthesis
                lines = checked.cannot_run.lines if checked.cannot_run else []
                raise PrError("; ".join([reason.removeprefix("not written: "), *lines[-2:]]) + "; nothing was pushed")
            say(f"verified {os.path.relpath(checked.app_dir, plan.root)}: synthesizes before and after, "
                f"{len(checked.replacements)} replacement(s)")
            risks.extend(r.message for r in checked.replacements)
        return risks

    return verify


def _repo_of_remote(opts: Options, remote: str) -> str:
    url = Git(Git.toplevel(opts.paths[0])).configured_url(remote)
    repo = repo_from_remote(url)
    if repo is None:
        raise PrError(f"cannot tell the GitHub repository from the URL of remote {remote!r} ({redact(url)}); "
                      "pass --github-repo owner/name")
    return repo
