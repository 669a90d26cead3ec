"""`remediator verify [PATH]` on real git repositories: a bot's branch reviewed against the branch it
forks from (--base), an uncommitted change against HEAD, and the exit status that says which."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

APP = {
    "cdk.json": json.dumps({"app": "python3 app.py", "context": {"stage": "dev"}}),
    "app.py": textwrap.dedent("""\
        import aws_cdk as cdk
        from stacks.data import DataStack

        app = cdk.App()
        DataStack(app, "Data")
        app.synth()
        """),
    "stacks/__init__.py": "",
    "stacks/data.py": textwrap.dedent("""\
        from aws_cdk import Stack, aws_kms as kms, aws_s3 as s3
        from constructs import Construct


        class DataStack(Stack):
            def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
                super().__init__(scope, construct_id, **kwargs)
                stage = self.node.try_get_context("stage")
                kms.Key(self, "Key")
                s3.Bucket(self, "Archive", bucket_name=f"archive-{stage}")
        """),
    ".gitignore": "cdk.out/\n",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "init.defaultBranch=main",
                           *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def remediator(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "remediator", "verify", *args], cwd=repo, capture_output=True,
                          text=True, timeout=600, env={**os.environ, **(env or {})})


def snapshot(repo: Path) -> tuple[str, dict[str, bytes]]:
    files = {str(p.relative_to(repo)): p.read_bytes() for p in sorted(repo.rglob("*"))
             if p.is_file() and ".git" not in p.relative_to(repo).parts}
    return git(repo, "status", "--porcelain", "--ignored"), files


@pytest.fixture
def repo(tmp_path) -> Path:
    for name, text in APP.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "app")
    return tmp_path


def edit(repo: Path, old: str, new: str, name: str = "stacks/data.py") -> None:
    text = (repo / name).read_text()
    assert old in text
    (repo / name).write_text(text.replace(old, new))


@pytest.mark.synth
def test_review_a_bots_branch_against_main(repo) -> None:
    git(repo, "checkout", "-qb", "remediator/fix")
    edit(repo, 'kms.Key(self, "Key")', 'kms.Key(self, "Key", enable_key_rotation=True)')
    (repo / "stacks" / "naming.py").write_text("PREFIX = 'archive'\n")  # a module the fix added
    edit(repo, 'f"archive-{stage}"', 'f"{PREFIX}-{stage}"')
    edit(repo, "from constructs import Construct", "from constructs import Construct\n\nfrom stacks.naming import PREFIX")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "fix")
    before = snapshot(repo)
    proc = remediator(repo, "--base", "main")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert out.startswith("verify .: 2 changed files in the app\n"), out
    assert "synth: ok before, ok after" in out
    assert "AwsSolutions-KMS5  1 -> 0  fixed" in out
    assert "Data: 0 added, 0 removed, 1 modified" in out
    assert "~ Data/Key/Resource (AWS::KMS::Key " in out and "Properties.EnableKeyRotation" in out
    assert "replacements: none" in out  # the bucket name is the same string, however it is built
    assert snapshot(repo) == before, "verify must not touch the work tree, the index or the refs"
    # against HEAD the work tree is clean: nothing to compare, nothing synthesized
    clean = remediator(repo)
    assert clean.returncode == 0 and "no change since HEAD" in clean.stderr and clean.stdout == ""


@pytest.mark.synth
def test_uncommitted_change_that_replaces_a_bucket_exits_1(repo) -> None:
    edit(repo, 'f"archive-{stage}"', 'f"archive-v2-{stage}"')
    before = snapshot(repo)
    proc = remediator(repo, "stacks", "--format", "json", "-c", "stage=prod")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["status"] == "ok" and report["exit_status"] == 1
    assert report["changed"] == ["stacks/data.py"]
    (replacement,) = report["replacements"]
    assert (replacement["path"], replacement["type"], replacement["property"]) == (
        "Data/Archive/Resource", "AWS::S3::Bucket", "BucketName")
    # -c stage=prod reached the app on both sides
    assert (replacement["before"], replacement["after"]) == ("archive-prod", "archive-v2-prod")
    assert report["stacks"][0]["counts"] == {"added": 0, "removed": 0, "modified": 1}
    assert report["nag"]["AwsSolutions-KMS5"] == {"before": 1, "after": 1}
    assert snapshot(repo) == before


@pytest.mark.synth
def test_a_change_that_breaks_synth_exits_1_and_names_the_file(repo) -> None:
    edit(repo, 'kms.Key(self, "Key")', 'kms.Key(self, "Key", enable_key_rotaton=True)')
    proc = remediator(repo)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "synth: ok before, failed after" in proc.stdout
    assert "broken by: stacks/data.py" in proc.stdout
    assert 'File "' + str(repo / "stacks" / "data.py") in proc.stdout  # the app's own frames
    assert "unexpected keyword argument 'enable_key_rotaton'" in proc.stdout


def test_cannot_run_is_one_line_and_exit_2(repo, tmp_path) -> None:
    edit(repo, 'kms.Key(self, "Key")', 'kms.Key(self, "Key", enable_key_rotation=True)')
    proc = remediator(repo, env={"REMEDIATOR_NODE": str(tmp_path / "missing-node")})
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f"error: synthesis cannot run: no Node.js: REMEDIATOR_NODE={tmp_path}/missing-node "
                                        f"is not an executable file"]


def test_outside_git_or_bad_options_exit_2(tmp_path) -> None:
    (tmp_path / "app.py").write_text("")
    proc = remediator(tmp_path)
    assert proc.returncode == 2 and "not inside a git work tree" in proc.stderr
    git(tmp_path, "init", "-q")
    proc = remediator(tmp_path)
    assert proc.returncode == 2 and "unknown git revision 'HEAD'" in proc.stderr
    proc = remediator(tmp_path, "-c", "novalue")
    assert proc.returncode == 2 and "not key=value" in proc.stderr
