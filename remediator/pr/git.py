"""The git command line, as ``remediator pr`` uses it.

Every command runs with hooks disabled (``core.hooksPath=/dev/null``: the user's pre-commit or
post-checkout hooks have no business in the bot's temporary worktree), without prompting for
credentials (``GIT_TERMINAL_PROMPT=0``) and in the C locale (messages we can quote).

No branch or HEAD of the user's repository is written: remote refs are read with ``ls-remote``,
their objects fetched with ``--no-write-fetch-head --refmap=`` (objects only), and the fix is
committed on a detached HEAD in a temporary worktree that is removed afterwards. Only the push
updates the pushed branch's remote-tracking ref, as every ``git push`` does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Iterator, Mapping, Sequence

from remediator.pr import PrError, redact

ZERO_SHA = "0" * 40


@dataclass(frozen=True)
class Identity:
    name: str
    email: str

    @classmethod
    def parse(cls, text: str) -> "Identity":
        """``Name <email>``."""
        name, sep, rest = text.partition("<")
        email = rest.rstrip().rstrip(">").strip()
        if not sep or not name.strip() or not email or not rest.rstrip().endswith(">"):
            raise ValueError(f"expected 'Name <email>', got {text!r}")
        return cls(name.strip(), email)

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


@dataclass(frozen=True)
class Commit:
    sha: str
    tree: str
    parents: tuple[str, ...]
    author: Identity
    committer: Identity
    subject: str


class GitError(PrError):
    """A git command failed; the message is git's last line of error output."""


class Git:
    """Runs ``git`` in one repository (``-C top``)."""

    def __init__(self, top: str) -> None:
        self.top = top

    def _env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ)
        env.update(GIT_TERMINAL_PROMPT="0", LC_ALL="C", LANGUAGE="C", GIT_OPTIONAL_LOCKS="0")
        if extra:
            env.update(extra)
        return env

    def run(self, *args: str, cwd: str | None = None, env: Mapping[str, str] | None = None,
            check: bool = True) -> subprocess.CompletedProcess[bytes]:
        cmd = ["git", "-C", cwd or self.top, "-c", "core.hooksPath=/dev/null", *args]
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, env=self._env(env))
        except OSError as exc:  # pragma: no cover - git missing from PATH
            raise GitError(f"cannot run git: {exc.strerror or exc}; install git") from exc
        if check and proc.returncode != 0:
            raise GitError(f"git {args[0]} failed: {last_line(proc.stderr)}")
        return proc

    def out(self, *args: str, cwd: str | None = None, env: Mapping[str, str] | None = None) -> str:
        return self.run(*args, cwd=cwd, env=env).stdout.decode("utf-8", "replace").strip()

    # -- the user's repository (read only) -----------------------------------------------------
    @staticmethod
    def toplevel(path: str) -> str:
        folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
        proc = subprocess.run(["git", "-C", folder, "rev-parse", "--show-toplevel"], capture_output=True,
                              stdin=subprocess.DEVNULL, env={**os.environ, "LC_ALL": "C"})
        if proc.returncode != 0:
            raise PrError(f"{path}: not inside a git work tree; run remediator pr in a clone of the repository")
        return os.path.realpath(proc.stdout.decode().strip())

    def dirty(self) -> list[str]:
        """Paths with uncommitted changes (staged, unstaged or untracked and not ignored)."""
        raw = self.run("status", "--porcelain=v1", "-z", "--untracked-files=normal").stdout
        return [entry[3:].decode("utf-8", "replace") for entry in raw.split(b"\0") if len(entry) > 3]

    def head(self) -> tuple[str, str]:
        """(branch name or 'HEAD' when detached, commit sha or '' in an empty repository)."""
        branch = self.run("rev-parse", "--abbrev-ref", "HEAD", check=False).stdout.decode().strip()
        sha = self.run("rev-parse", "--verify", "--quiet", "HEAD", check=False).stdout.decode().strip()
        return branch, sha

    def remote_url(self, remote: str) -> str:
        proc = self.run("remote", "get-url", remote, check=False)
        if proc.returncode != 0:
            raise PrError(f"no git remote named {remote!r} in {self.top}; add it or name another with --remote")
        return proc.stdout.decode().strip()

    def configured_url(self, remote: str) -> str:
        """The remote's URL as configured (before ``url.<base>.insteadOf`` rewriting): it names the repository."""
        self.remote_url(remote)
        return self.out("config", "--get", f"remote.{remote}.url")

    # -- the remote -------------------------------------------------------------------------------
    def _remote_failed(self, remote: str, proc: subprocess.CompletedProcess[bytes], what: str) -> PrError:
        return PrError(f"cannot {what} remote {remote!r}: {last_line(proc.stderr)}; "
                       "check the remote URL, the network and the credentials git uses for it")

    def default_branch(self, remote: str) -> str:
        """The branch the remote's HEAD points at (GitHub's default branch)."""
        proc = self.run("ls-remote", "--symref", remote, "HEAD", check=False)
        if proc.returncode != 0:
            raise self._remote_failed(remote, proc, "read")
        for line in proc.stdout.decode().splitlines():
            if line.startswith("ref: refs/heads/") and line.endswith("\tHEAD"):
                return line[len("ref: refs/heads/"):-len("\tHEAD")]
        raise PrError(f"remote {remote!r} has no default branch (empty repository?); name the base with --base")

    def remote_heads(self, remote: str, branches: Sequence[str]) -> dict[str, str]:
        """branch -> sha for those of ``branches`` that exist on the remote."""
        proc = self.run("ls-remote", "--heads", remote, *[f"refs/heads/{b}" for b in branches], check=False)
        if proc.returncode != 0:
            raise self._remote_failed(remote, proc, "read")
        wanted = {f"refs/heads/{b}": b for b in branches}
        found: dict[str, str] = {}
        for line in proc.stdout.decode().splitlines():
            sha, _, ref = line.partition("\t")
            if ref in wanted:
                found[wanted[ref]] = sha
        return found

    def fetch_objects(self, remote: str, branches: Sequence[str]) -> None:
        """Fetch the commits of ``branches`` without writing any ref (nor FETCH_HEAD)."""
        proc = self.run("fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--refmap=",
                        "--no-recurse-submodules", "--no-auto-maintenance", remote,
                        *[f"refs/heads/{b}" for b in branches], check=False)
        if proc.returncode != 0:
            raise self._remote_failed(remote, proc, "fetch from")

    def push(self, remote: str, sha: str, branch: str, expect: str | None) -> None:
        """Point ``branch`` on the remote at ``sha``, only if it is still at ``expect`` (None: absent)."""
        lease = f"--force-with-lease=refs/heads/{branch}:{expect or ''}"
        proc = self.run("push", "--quiet", "--porcelain", "--no-verify", lease, remote,
                        f"{sha}:refs/heads/{branch}", check=False)
        if proc.returncode != 0:
            raise self._push_refused(remote, branch, proc)

    def delete_branch(self, remote: str, branch: str, expect: str) -> None:
        proc = self.run("push", "--quiet", "--porcelain", "--no-verify",
                        f"--force-with-lease=refs/heads/{branch}:{expect}", remote,
                        f":refs/heads/{branch}", check=False)
        if proc.returncode != 0:
            raise self._push_refused(remote, branch, proc)

    def _push_refused(self, remote: str, branch: str, proc: subprocess.CompletedProcess[bytes]) -> PrError:
        text = (proc.stdout + b"\n" + proc.stderr).decode("utf-8", "replace")
        if "stale info" in text:
            return PrError(f"{branch} changed on {remote!r} while remediator ran; nothing was pushed: re-run")
        reason = ""
        for line in text.splitlines():  # --porcelain: "!\t<src>:<dst>\t[rejected] (reason)"
            if line.startswith("!\t"):
                reason = line.split("\t")[-1]
        remote_lines = [ln[len("remote: "):].strip() for ln in text.splitlines()
                        if ln.startswith("remote: ") and ln[len("remote: "):].strip()]
        detail = "; ".join(x for x in (reason, remote_lines[-1] if remote_lines else "") if x) or last_line(proc.stderr)
        return PrError(f"push of {branch} to {remote!r} refused: {detail}; check that the credentials git uses may "
                       f"push to {branch} (branch protection, token scope)")

    # -- objects ----------------------------------------------------------------------------------
    def commit_info(self, sha: str) -> Commit:
        fmt = "%H%x00%T%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%s"
        fields = self.out("show", "-s", f"--format={fmt}", sha, "--").split("\0")
        return Commit(sha=fields[0], tree=fields[1], parents=tuple(fields[2].split()),
                      author=Identity(fields[3], fields[4]), committer=Identity(fields[5], fields[6]),
                      subject=fields[7])

    def has_commit(self, sha: str) -> bool:
        return self.run("cat-file", "-e", f"{sha}^{{commit}}", check=False).returncode == 0

    def diff(self, old: str, new: str) -> bytes:
        return self.run("diff", "--no-color", "--no-ext-diff", "--no-renames", "--full-index", "--binary",
                        old, new, "--").stdout

    # -- the temporary worktree -------------------------------------------------------------------
    @contextlib.contextmanager
    def temporary_worktree(self, sha: str) -> Iterator[str]:
        """A detached worktree of ``sha`` in a new temporary folder, removed on exit (also on failure)."""
        holder = tempfile.mkdtemp(prefix="remediator-pr-")
        path = os.path.join(holder, "tree")
        admin = None
        try:
            self.run("-c", "advice.detachedHead=false", "worktree", "add", "--quiet", "--detach", path, sha)
            admin = self.out("rev-parse", "--absolute-git-dir", cwd=path)
            yield path
        finally:
            if os.path.exists(path):
                self.run("worktree", "remove", "--force", "--force", path, check=False)
            shutil.rmtree(holder, ignore_errors=True)
            if admin and os.path.isdir(admin):  # `worktree remove` failed: drop its entry (.git/worktrees/<name>)
                shutil.rmtree(admin, ignore_errors=True)

    def commit_all(self, worktree: str, paths: Sequence[str], message: str, identity: Identity) -> str:
        """Commit ``paths`` (relative to ``worktree``) on its detached HEAD; the new commit's sha."""
        self.run("add", "--", *paths, cwd=worktree, env={"GIT_LITERAL_PATHSPECS": "1"})
        who = {"GIT_AUTHOR_NAME": identity.name, "GIT_AUTHOR_EMAIL": identity.email,
               "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email}
        self.run("-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify", "--allow-empty-message",
                 "-m", message, cwd=worktree, env=who)
        return self.out("rev-parse", "HEAD", cwd=worktree)


def last_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in redact(stderr.decode("utf-8", "replace")).splitlines() if ln.strip()]
    return lines[-1] if lines else "no error message"
