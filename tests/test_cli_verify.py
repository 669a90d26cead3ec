"""`check --verify`, `fix --verify` and `pr --verify`: the fix is planned, the app synthesized for
real before and after it (aws-cdk-lib + Node.js, cdk-nag attached from outside), and `fix` writes
the plan only when the app still synthesizes and nothing is replaced (unless --unsafe-fixes).

Throwaway rules (not in transforms/) make fixes that break synthesis or rename a bucket, as a rule
with a wrong tier would: the verification is what catches them.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

import remediator.runner
from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.cli import main
from remediator.transforms import all_rules
from test_cli import REMEDIATOR, tree
from test_verify_change import make_app


class _ShortPendingWindow(Rule):
    """A wrong fix: a one-day pending window, which aws-cdk-lib rejects at synth (7 to 30 days)."""

    code, name, tier = "CDK993", "test-short-pending-window", Tier.SAFE
    summary = "test rule"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if not call.has("pending_window"):
            yield self.finding(call, "key has no pending window",
                               fix=call.set_keyword("pending_window", "`aws_cdk.Duration`.days(1)"))


class _RenameBucket(Rule):
    """A fix marked safe that renames a bucket: CloudFormation replaces it (BucketName is create-only)."""

    code, name, tier = "CDK994", "test-rename-bucket", Tier.SAFE
    summary = "test rule"
    targets = ("aws_cdk.aws_s3.Bucket",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.literal("bucket_name") == "remediator-original-bucket":
            yield self.finding(call.arg("bucket_name"), "bucket has its old name",
                               fix=call.set_keyword("bucket_name", '"remediator-renamed-bucket"'))


@pytest.fixture
def test_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = (*all_rules(), _ShortPendingWindow, _RenameBucket)
    monkeypatch.setattr(remediator.runner, "all_rules", lambda: rules)


def app(root: Path, body: str, select: str) -> Path:
    make_app(root, body)
    (root / "pyproject.toml").write_text(f'[tool.remediator]\nselect = ["{select}"]\n')
    return root


def cli(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.mark.synth
def test_fix_verify_writes_a_clean_fix_and_json_carries_the_verification(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = app(tmp_path / "app", 'kms.Key(self, "Key")\n', "CDK301")
    res = cli(["fix", "--verify", "--format", "json", "."], root, monkeypatch)
    assert res.exit_code == 0, res.output
    assert 'kms.Key(self, "Key", enable_key_rotation=True)' in (root / "stacks" / "main.py").read_text()
    assert "(CDK301)" in (root / "CHANGELOG.md").read_text()
    (verification,) = [r for r in json.loads(res.stdout) if r["kind"] == "verification"]
    assert verification["status"] == "ok" and verification["exit_status"] == 0
    assert verification["before"]["ok"] and verification["after"]["ok"]
    assert verification["nag"]["AwsSolutions-KMS5"] == {"before": 1, "after": 0}
    (stack,) = verification["stacks"]
    assert stack["stack"] == "Main" and stack["counts"] == {"added": 0, "removed": 0, "modified": 1}
    assert verification["replacements"] == [] and verification["changed"] == ["stacks/main.py"]


@pytest.mark.synth
def test_check_verify_reports_what_the_fix_would_change_and_writes_nothing(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = app(tmp_path / "app", 'kms.Key(self, "Key")\n', "CDK301")
    before = tree(root)
    res = cli(["check", "--verify", "."], root, monkeypatch)
    assert res.exit_code == 1, res.output  # the finding
    assert tree(root) == before
    out = res.stdout
    assert out.startswith("stacks/main.py:9:9: CDK301 KMS key does not rotate its key material [*]\n")
    assert "synth: ok before, ok after" in out
    assert "AwsSolutions-KMS5  1 -> 0  fixed" in out
    assert "Main: 0 added, 0 removed, 1 modified" in out and "replacements: none" in out
    assert out.endswith("Found 1 finding.\n[*] 1 fixable with `remediator fix`.\n")


@pytest.mark.synth
def test_fix_verify_writes_nothing_when_a_fix_breaks_synth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           test_rules: None) -> None:
    root = app(tmp_path / "app", 'kms.Key(self, "Key")\n', "CDK993")
    before = tree(root)
    res = cli(["fix", "--verify", "."], root, monkeypatch)
    assert res.exit_code == 1, res.output
    assert tree(root) == before
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 1, res.stderr
    assert errors[0].startswith("error: not written: the app synthesized before the fix and does not after: ")
    assert errors[0].endswith("; broken by stacks/main.py (CDK993)")
    assert "pending" in errors[0].lower()  # the app's own error
    assert res.stderr.splitlines()[-1] == "Would fix 1 finding in 1 file (0 remaining); nothing was written"
    assert "synth: ok before, failed after" in res.stdout


@pytest.mark.synth
def test_fix_verify_writes_a_replacement_only_with_unsafe_fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                test_rules: None) -> None:
    body = 's3.Bucket(self, "Data", bucket_name="remediator-original-bucket")\n'
    root = app(tmp_path / "app", body, "CDK994")
    before = tree(root)
    refused = cli(["fix", "--verify", "."], root, monkeypatch)
    assert refused.exit_code == 1, refused.output
    assert tree(root) == before
    (error,) = [ln for ln in refused.stderr.splitlines() if ln.startswith("error: ")]
    assert error.startswith("error: not written: the fix would replace or delete 1 resource: Main/Data/Resource "
                            "(AWS::S3::Bucket ")
    assert "BucketName" in error and error.endswith("(--unsafe-fixes writes anyway)")
    assert "replacements: 1" in refused.stdout

    allowed = cli(["fix", "--verify", "--unsafe-fixes", "."], root, monkeypatch)
    assert allowed.exit_code == 0, allowed.output
    assert 'bucket_name="remediator-renamed-bucket"' in (root / "stacks" / "main.py").read_text()
    assert "replacements: 1" in allowed.stdout and "error:" not in allowed.stderr


def test_verify_without_node_says_so_in_one_line_writes_nothing_and_exits_2(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = app(tmp_path / "app", 'kms.Key(self, "Key")\n', "CDK301")
    before = tree(root)
    monkeypatch.setenv("REMEDIATOR_NODE", str(tmp_path / "no-such-node"))
    for args in (["fix", "--verify", "."], ["check", "--verify", "."], ["fix", "--verify", "--diff", "."]):
        res = cli(args, root, monkeypatch)
        assert res.exit_code == 2, (args, res.output)
        errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error: ")]
        assert errors == [f"error: synthesis cannot run: no Node.js: REMEDIATOR_NODE={tmp_path}/no-such-node "
                          "is not an executable file"], (args, res.stderr)
        assert tree(root) == before
    data = json.loads(cli(["fix", "--verify", "--format", "json", "."], root, monkeypatch).stdout)
    (verification,) = [r for r in data if r["kind"] == "verification"]
    assert verification["status"] == "cannot-run" and verification["cannot_run"]["kind"] == "no-node"
    # without --verify, fix never needs Node.js
    assert cli(["fix", "."], root, monkeypatch).exit_code == 0
    assert "enable_key_rotation=True" in (root / "stacks" / "main.py").read_text()


def test_verify_options_are_checked_before_anything_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = app(tmp_path / "app", 'kms.Key(self, "Key")\n', "CDK301")
    bad = cli(["fix", "--verify", "-c", "no-equals-sign", "."], root, monkeypatch)
    assert bad.exit_code == 2 and bad.stderr == "error: context option 'no-equals-sign' is not key=value\n"
    alone = cli(["check", "-c", "stage=prod", "."], root, monkeypatch)
    assert alone.exit_code == 2 and alone.stderr == "error: --app and -c/--context only apply with --verify\n"
    assert "enable_key_rotation" not in (root / "stacks" / "main.py").read_text()


AUDIT_APP = {
    "cdk.json": json.dumps({"app": "python3 app.py"}),
    "app.py": "import aws_cdk as cdk\nfrom app.audit import AuditStack\n\napp = cdk.App()\n"
              "AuditStack(app, \"Audit\")\napp.synth()\n",
    "app/__init__.py": "",
    "app/audit.py": '''\
from aws_cdk import Stack, aws_logs as logs
from constructs import Construct


class AuditStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_name = self.node.try_get_context("env")
        logs.LogGroup(self, "Trail", log_group_name=f"/audit/{env_name}")
''',
    "pyproject.toml": '[tool.remediator]\nselect = ["CDK201"]\n',
}


@pytest.mark.synth
def test_pr_verify_lists_the_replacement_in_the_body(tmp_path: Path) -> None:
    """CDK201's default renames a log group (unsafe): `pr --verify --unsafe-fixes` names the resource."""
    from pr_world import git

    bare, work = tmp_path / "origin.git", tmp_path / "work"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    git(tmp_path, "clone", "-q", str(bare), str(work))
    git(work, "config", "user.name", "Dev")
    git(work, "config", "user.email", "dev@example.com")
    for name, text in AUDIT_APP.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text)
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "audit stack")
    git(work, "push", "-q", "origin", "main")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN" and not k.startswith("PYTEST")}
    args = [str(REMEDIATOR), "pr", "--dry-run", "--unsafe-fixes"]  # a dry run: no push, no API request
    plain = subprocess.run(args, cwd=work, capture_output=True, text=True, env=env, timeout=600)
    assert plain.returncode == 0, plain.stderr
    assert "Replacement risk was not assessed in this run" in plain.stdout
    verified = subprocess.run([*args, "--verify"], cwd=work, capture_output=True, text=True, env=env, timeout=600)
    assert verified.returncode == 0, verified.stderr
    body = verified.stdout
    assert "verified .: synthesizes before and after, 1 replacement(s)" in body
    assert "Resources the change may replace:\n- Audit/Trail/Resource (AWS::Logs::LogGroup " in body
    assert "LogGroupName" in body
    assert git(work, "status", "--porcelain") == ""
    assert git(bare, "for-each-ref") == git(bare, "for-each-ref", "refs/heads/main")  # nothing pushed
