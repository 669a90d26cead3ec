"""The test repository of `remediator pr`: a local bare repository as `origin`, a clone as the user's
work tree, another clone for people pushing, and the GitHub API server (tests/github_server.py).

The repository holds a small CDK stack with a KMS key that does not rotate (CDK301 adds
`enable_key_rotation=True`); its pyproject.toml selects CDK301 only, so rules added later do not
change these expectations.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from github_server import GitHubServer

REMEDIATOR = Path(sys.executable).parent / "remediator"
TOKEN = "ghs_remediatorTestToken0123456789abcdef"
BOT_EMAIL = "remediator@users.noreply.github.com"

STACK = '''\
from aws_cdk import Stack, aws_kms as kms
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data_key = kms.Key(self, "DataKey")
'''
STACK_FIXED = STACK.replace('kms.Key(self, "DataKey")', 'kms.Key(self, "DataKey", enable_key_rotation=True)')
PYPROJECT = '[tool.remediator]\nselect = ["CDK301"]\n'

PULLS = "/repos/acme/infra/pulls"


def git(cwd: Path | str, *args: str, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout.strip()


@dataclass
class World:
    tmp: Path
    bare: Path
    work: Path
    other: Path
    server: GitHubServer

    def pr(self, *args: str, token: str | None = TOKEN, cwd: Path | None = None,
           github_repo: str | None = "acme/infra", api_url: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
        if token is not None:
            env["GITHUB_TOKEN"] = token
        cmd = [str(REMEDIATOR), "pr", "--api-url", api_url or self.server.url]
        if github_repo:
            cmd += ["--github-repo", github_repo]
        return subprocess.run([*cmd, *args], cwd=cwd or self.work, capture_output=True, text=True, env=env,
                              timeout=120)

    def remote_sha(self, branch: str) -> str | None:
        proc = subprocess.run(["git", "-C", str(self.bare), "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
                              capture_output=True, text=True)
        return proc.stdout.strip() or None

    def push_to_main(self, files: dict[str, str], message: str) -> str:
        """A person commits on the base branch (from another clone)."""
        git(self.other, "fetch", "-q", "origin")
        git(self.other, "checkout", "-q", "-B", "main", "origin/main")
        for name, text in files.items():
            (self.other / name).parent.mkdir(parents=True, exist_ok=True)
            (self.other / name).write_text(text)
        git(self.other, "add", "-A")
        git(self.other, "commit", "-q", "-m", message)
        git(self.other, "push", "-q", "origin", "main")
        return git(self.other, "rev-parse", "HEAD")

    def github_origin(self) -> None:
        """Give `origin` the URL actions/checkout gives it; git rewrites it to the local bare repository."""
        git(self.work, "remote", "set-url", "origin", "https://github.com/acme/infra")
        git(self.work, "config", f"url.{self.bare}.insteadOf", "https://github.com/acme/infra")

    def snapshot(self) -> tuple[str, ...]:
        """The user's side: current branch and commit, status, refs, worktrees and files.

        A push updates the remote-tracking ref of the pushed branch (origin/remediator/main), as every
        `git push` does; every other ref must stay as it was.
        """
        files = sorted(str(p.relative_to(self.work)) + ":" + p.read_text() for p in self.work.rglob("*")
                       if p.is_file() and ".git" not in p.parts)
        return (git(self.work, "rev-parse", "--abbrev-ref", "HEAD"), git(self.work, "rev-parse", "HEAD"),
                git(self.work, "status", "--porcelain", "--ignored"),
                "\n".join(ln for ln in git(self.work, "for-each-ref").splitlines()
                          if not ln.endswith("refs/remotes/origin/remediator/main")),
                git(self.work, "worktree", "list", "--porcelain"), *files)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    bare, work, other = tmp_path / "origin.git", tmp_path / "work", tmp_path / "other"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    git(tmp_path, "clone", "-q", str(bare), str(work))
    for clone in (work,):
        git(clone, "config", "user.name", "Dev")
        git(clone, "config", "user.email", "dev@example.com")
    (work / "app").mkdir()
    (work / "app" / "storage.py").write_text(STACK)
    (work / "pyproject.toml").write_text(PYPROJECT)
    (work / "README.md").write_text("# infra\n")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "initial stack")
    git(work, "push", "-q", "origin", "main")
    git(tmp_path, "clone", "-q", str(bare), str(other))
    git(other, "config", "user.name", "Jane Doe")
    git(other, "config", "user.email", "jane@example.com")
    with GitHubServer("acme", "infra", str(bare), TOKEN) as server:
        yield World(tmp_path, bare, work, other, server)
        assert server.problems == []


def assert_ok(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 0, proc.stderr
    assert TOKEN not in proc.stdout + proc.stderr


def show(world: World, rev: str, path: str) -> str:
    return git(world.bare, "show", f"{rev}:{path}")
