"""One run of ``remediator pr``: fix the base branch, push the fix branch, open/update/close its pull request.

Order, so that a failed run leaves nothing half-done and a re-run finishes it:

1. read only: the work tree must be clean; the remote's branches are read (``ls-remote``) and
   their commits fetched without writing a ref;
2. the fix is computed and committed in a temporary worktree of the base commit (removed at once);
3. the pull requests of the fix branch are read (one request);
4. the branch is pushed with ``--force-with-lease`` (only when its content or base changed);
5. the pull request is opened, or its title/body edited when they changed, labels added.

A run that stops after 4 leaves a pushed branch; the next run finds it up to date, pushes
nothing and opens the pull request.

Whose is the branch: its tip commit must have remediator's identity as both author and committer.
Any other tip (a person's commit, a merge from the base, a rebase) means someone else works on
it: remediator neither pushes nor deletes it, and says so once in a comment, until the rebuild
box of the pull request body is ticked.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from unidiff import PatchSet

from remediator import __version__
from remediator.pr import PrError
from remediator.pr import body as bodies
from remediator.pr.git import Commit, Git, Identity
from remediator.pr.github import GitHubApi, Pull
from remediator.output.patch import summarize
from remediator.runner import ConfigError, Request, RunResult, run, write_plan

DEFAULT_AUTHOR = "remediator <remediator@users.noreply.github.com>"
DEFAULT_PREFIX = "remediator/"


@dataclass
class Options:
    #: what to fix, as for `remediator fix` (its paths and --config are read in the temporary worktree)
    request: Request = field(default_factory=lambda: Request(paths=["."], fix=True))
    base: str | None = None
    remote: str = "origin"
    branch_prefix: str = DEFAULT_PREFIX
    author: Identity = field(default_factory=lambda: Identity.parse(DEFAULT_AUTHOR))
    labels: Sequence[str] = ()
    allow_dirty: bool = False
    dry_run: bool = False
    #: hook for verification: one line per resource the fix may replace (None: not assessed)
    replacement_risks: Sequence[str] | None = None
    #: ``--verify``: called with the planned fix (in the temporary worktree, nothing written yet);
    #: returns the replacement risks for the body, or raises PrError when the fix must not be pushed
    verify: Callable[[RunResult], Sequence[str]] | None = None

    @property
    def paths(self) -> list[str]:
        return list(self.request.paths) or ["."]


@dataclass
class Fix:
    """The fix of one base commit, committed (``commit`` None when there is nothing to fix)."""

    base_sha: str
    commit: str | None = None
    tree: str | None = None
    fixes: bodies.Fixes | None = None
    #: from ``--verify`` (None: not assessed in this run)
    replacement_risks: Sequence[str] | None = None

    @property
    def fingerprint(self) -> str:
        return bodies.fingerprint(self.fixes.applied) if self.fixes else ""


class Bot:
    def __init__(self, opts: Options, api: Callable[[], GitHubApi] | None, say: Callable[[str], None]) -> None:
        """``api`` builds the GitHub client (None for --dry-run); ``say`` prints one line of progress."""
        self.opts = opts
        self._api_factory = api
        self._api: GitHubApi | None = None
        self.say = say
        self.git = Git(Git.toplevel(opts.paths[0]))

    @property
    def api(self) -> GitHubApi:
        if self._api is None:
            assert self._api_factory is not None, "no GitHub API in a dry run"
            self._api = self._api_factory()
        return self._api

    # -- the run ----------------------------------------------------------------------------------
    def run(self) -> str:
        """Carry out the run; returns the line that says what happened. Raises PrError."""
        opts, git = self.opts, self.git
        if not opts.allow_dirty:
            dirty = git.dirty()
            if dirty:
                raise PrError(f"the work tree has uncommitted changes ({dirty[0]}"
                              f"{f' and {len(dirty) - 1} more' if len(dirty) > 1 else ''}): commit or stash them, "
                              "or pass --allow-dirty (the pull request is built from the base branch either way)")
        git.remote_url(opts.remote)  # a clear error for a missing remote
        base = opts.base or git.default_branch(opts.remote)
        branch = opts.branch_prefix + base
        heads = git.remote_heads(opts.remote, [base, branch])
        if base not in heads:
            raise PrError(f"base branch {base!r} does not exist on remote {opts.remote!r}; "
                          "name an existing branch with --base")
        base_sha, bot_sha = heads[base], heads.get(branch)
        git.fetch_objects(opts.remote, [base] + ([branch] if bot_sha else []))
        for sha in (base_sha, bot_sha):
            if sha and not git.has_commit(sha):
                raise PrError(f"remote {opts.remote!r} changed while remediator fetched from it; re-run")

        fix = self._compute(base, base_sha)
        if opts.dry_run:
            return self._dry_run(fix, base, branch)
        tip = git.commit_info(bot_sha) if bot_sha else None
        if fix.commit is None:
            return self._nothing_to_fix(base, branch, tip)
        return self._publish(fix, base, branch, tip)

    # -- 2. the fix, in a temporary worktree ------------------------------------------------------
    def _compute(self, base: str, base_sha: str) -> Fix:
        opts, git = self.opts, self.git
        with git.temporary_worktree(base_sha) as tree:
            config = opts.request.config_path
            if config:  # the base's version of a configuration file of the repository; another one as it is
                config = self._inside(config, tree) if self._relative(config) else os.path.abspath(config)
            # with --verify: plan, verify, then write (as `fix --verify`)
            req = dataclasses.replace(opts.request, paths=[self._inside(p, tree) for p in opts.paths], fix=True,
                                      diff=opts.verify is not None, changelog=True, changelog_path=None,
                                      config_path=config)
            with _cwd(tree):  # the worktree is the repository root of the run (diff paths, changelog)
                try:
                    result = run(req)
                except ConfigError as exc:
                    raise PrError(f"{exc}; nothing was pushed") from None
                risks = self._verify(result)
            if result.errors:
                shown = "; ".join(f"{path}: {message}" for path, message in result.errors[:3])
                more = f" (and {len(result.errors) - 3} more)" if len(result.errors) > 3 else ""
                raise PrError(f"{len(result.errors)} input(s) of {base} could not be fixed: {shown}{more}; "
                              "fix them on the base branch (nothing was pushed)")
            changed = result.changed_files
            if not changed:
                return Fix(base_sha)
            applied = [d for r in changed for d in r.applied]
            status = git.run("status", "--porcelain=v1", "-z", "--untracked-files=all", cwd=tree).stdout
            touched = sorted(e[3:].decode("utf-8", "surrogateescape") for e in status.split(b"\0") if len(e) > 3)
            commit = git.commit_all(tree, touched, bodies.title(applied), opts.author)
        info = git.commit_info(commit)
        patch = git.diff(base_sha, commit)
        stacks = {r.path for r in changed}
        fixes = bodies.Fixes(base=base, applied=applied, stats=summarize(patch),
                             changelog=_added_lines(patch, exclude=stacks))
        return Fix(base_sha, commit=commit, tree=info.tree, fixes=fixes, replacement_risks=risks)

    def _verify(self, result: RunResult) -> Sequence[str] | None:
        """With ``--verify``: verify the planned fix, then write it (raises PrError to stop the run)."""
        if self.opts.verify is None or result.errors or not result.changed_files:
            return None  # errors are reported below; nothing to fix needs no synth
        risks = self.opts.verify(result)
        write_plan(result)
        return risks

    def _relative(self, path: str) -> str | None:
        """``path`` relative to the top of the user's work tree, None when it lies outside."""
        rel = os.path.relpath(os.path.realpath(path), self.git.top)
        return None if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel

    def _inside(self, path: str, tree: str) -> str:
        """``path`` (given in the user's work tree) in the temporary worktree."""
        rel = self._relative(path)
        if rel is None:
            raise PrError(f"{path}: outside the git work tree {self.git.top}")
        return os.path.normpath(os.path.join(tree, rel))

    # -- 3-5. publishing --------------------------------------------------------------------------
    def _dry_run(self, fix: Fix, base: str, branch: str) -> str:
        if fix.fixes is None:
            return f"nothing to fix on {base}"
        meta = bodies.Meta(fix.fingerprint, __version__, list(self.opts.labels))
        text = bodies.render(fix.fixes, meta, self._risks(fix))
        self.say(f"branch: {branch}\ncommit: {bodies.title(fix.fixes.applied)}\n\n{text}")
        return "dry run: nothing was pushed and no request was made"

    def _ours(self, tip: Commit) -> bool:
        me = self.opts.author.email.lower()
        return (len(tip.parents) == 1 and tip.author.email.lower() == me and tip.committer.email.lower() == me)

    def _nothing_to_fix(self, base: str, branch: str, tip: Commit | None) -> str:
        if tip is None:
            return f"nothing to fix on {base}"  # no branch, so no pull request: not one request
        pulls = self.api.pulls_for_branch(branch)
        open_pr = _open_pull(pulls, base)
        if not self._ours(tip):
            return self._blocked(branch, tip, open_pr)
        if open_pr is not None:
            self._comment_once(open_pr, bodies.CLOSED_MARK,
                               f"{bodies.CLOSED_MARK}\nremediator finds nothing left to fix on `{base}`: closing this "
                               f"pull request and deleting `{branch}`.")
            meta = bodies.parse_meta(open_pr.body) or bodies.Meta()
            meta.closed_by_remediator = True
            self.api.update_pull(open_pr.number, state="closed", body=bodies.with_meta(open_pr.body, meta))
        self.git.delete_branch(self.opts.remote, branch, expect=tip.sha)
        closed = f"closed pull request #{open_pr.number} and " if open_pr else ""
        return f"nothing to fix on {base}: {closed}deleted branch {branch}"

    def _blocked(self, branch: str, tip: Commit, open_pr: Pull | None) -> str:
        who = f"{tip.sha[:7]} by {tip.author.name}"
        if open_pr is None:
            return f"branch {branch} has commits by someone else ({who}) and no open pull request: left alone"
        self._comment_once(open_pr, bodies.BLOCKED_MARK,
                           f"{bodies.BLOCKED_MARK}\nremediator no longer updates `{branch}`: its latest commit "
                           f"({who}) is not remediator's. To have remediator rebuild the branch from "
                           f"`{open_pr.base}` (dropping those commits), tick the box \"Rebuild this branch\" in the "
                           "description above; to keep them, merge or close this pull request yourself.")
        return (f"branch {branch} has commits by someone else ({who}): not updated; "
                f"see pull request #{open_pr.number}")

    def _comment_once(self, pull: Pull, mark: str, text: str) -> None:
        if not any(mark in c for c in self.api.comments(pull.number)):
            self.api.comment(pull.number, text)

    def _publish(self, fix: Fix, base: str, branch: str, tip: Commit | None) -> str:
        assert fix.fixes is not None and fix.commit is not None
        pulls = self.api.pulls_for_branch(branch)
        open_pr = _open_pull(pulls, base)
        if open_pr is None:
            for p in pulls:
                meta = bodies.parse_meta(p.body)
                if p.base == base and p.state == "closed" and not p.merged and meta and \
                        meta.fingerprint == fix.fingerprint and not meta.closed_by_remediator:
                    return (f"pull request #{p.number} with these fixes was closed without merging: not reopened "
                            "(a new one is opened when the fixes change)")
        if tip is not None and not self._ours(tip) and not (open_pr and bodies.rebuild_requested(open_pr.body)):
            return self._blocked(branch, tip, open_pr)

        pushed = False
        if tip is None or tip.parents != (fix.base_sha,) or tip.tree != fix.tree or not self._ours(tip):
            self.git.push(self.opts.remote, fix.commit, branch, expect=tip.sha if tip else None)
            pushed = True
        done = f"pushed {branch}" if pushed else f"{branch} was already up to date"
        try:
            return self._pull_request(fix, base, branch, open_pr, pushed)
        except PrError as exc:
            raise PrError(f"{exc} ({done}; re-run to finish)") from None

    def _pull_request(self, fix: Fix, base: str, branch: str, open_pr: Pull | None, pushed: bool) -> str:
        assert fix.fixes is not None
        labels = list(dict.fromkeys(self.opts.labels))
        title = bodies.title(fix.fixes.applied)
        if open_pr is None:
            # labels are recorded in the marker once added, so a failure in between is finished next run
            pull = self.api.create_pull(title, branch, base, self._body(fix, []))
            if labels:
                self.api.add_labels(pull.number, labels)
                self.api.update_pull(pull.number, body=self._body(fix, labels))
            return f"opened pull request #{pull.number}: {pull.url}"

        meta = bodies.parse_meta(open_pr.body) or bodies.Meta()
        missing = [lab for lab in labels if lab not in open_pr.labels and lab not in meta.labels]
        applied_labels = [lab for lab in labels if lab in meta.labels or lab in missing or lab in open_pr.labels]
        if missing:
            self.api.add_labels(open_pr.number, missing)
        changes = {}
        if open_pr.title != title:
            changes["title"] = title
        new_body = self._body(fix, applied_labels)
        if bodies.normalized(open_pr.body) != bodies.normalized(new_body):
            changes["body"] = new_body
        if changes:
            self.api.update_pull(open_pr.number, **changes)
        if pushed or changes or missing:
            return f"updated pull request #{open_pr.number}: {open_pr.url}"
        return f"pull request #{open_pr.number} is up to date: {open_pr.url}"

    def _body(self, fix: Fix, labels: list[str]) -> str:
        assert fix.fixes is not None
        meta = bodies.Meta(fix.fingerprint, __version__, labels)
        return bodies.render(fix.fixes, meta, self._risks(fix))

    def _risks(self, fix: Fix) -> Sequence[str] | None:
        return fix.replacement_risks if fix.replacement_risks is not None else self.opts.replacement_risks


def _open_pull(pulls: list[Pull], base: str) -> Pull | None:
    return next((p for p in pulls if p.state == "open" and p.base == base), None)


def _added_lines(patch: bytes, exclude: set[str]) -> dict[str, list[str]]:
    """Lines each file of ``patch`` outside ``exclude`` gained: the changelog entries."""
    out: dict[str, list[str]] = {}
    for f in PatchSet(patch.decode("utf-8", errors="surrogateescape")):
        if f.path in exclude:
            continue
        lines = [line.value.rstrip("\r\n") for hunk in f for line in hunk if line.is_added]
        while lines and not lines[0].strip():
            lines.pop(0)
        out[f.path] = lines
    return out


@contextlib.contextmanager
def _cwd(path: str) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)
