"""The command-line contract: exit statuses, output formats, options, and `fix --diff`
applied with `git apply` in a real git repository equalling `fix`.

Fixtures use CDK301 (kms-key-rotation) only; the temporary repositories select it in their
pyproject.toml so that rules added later do not change these expectations.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

import remediator.runner
from remediator.cli import main
from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.transforms import all_rules

REMEDIATOR = Path(sys.executable).parent / "remediator"

STORAGE = '''\
from aws_cdk import Stack, aws_kms as kms
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data_key = kms.Key(self, "DataKey")
        self.log_key = kms.Key(
            self,
            "LogKey",
            description="logs",
        )
        self.ok_key = kms.Key(self, "OkKey", enable_key_rotation=True)
'''

STORAGE_FIXED = STORAGE.replace('kms.Key(self, "DataKey")', 'kms.Key(self, "DataKey", enable_key_rotation=True)') \
    .replace('description="logs",\n', 'description="logs",\n            enable_key_rotation=True,\n')

NETWORK = '''\
import aws_cdk as cdk
from constructs import Construct


class NetworkStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        cdk.aws_kms.Key(self, "VpnKey", enable_key_rotation=False)
'''

CLEAN = '''\
from aws_cdk import Stack
from aws_cdk.aws_kms import Key


class CleanStack(Stack):
    def build(self) -> None:
        Key(self, "Rotating", enable_key_rotation=True)
'''

#: mentions kms.Key but does not import aws_cdk: never a candidate
NOT_CDK = '''\
class kms:
    @staticmethod
    def Key(*args):
        return args


kms.Key(None, "NotCdk")
'''

BROKEN = '''\
from aws_cdk import aws_kms as kms

key = kms.Key(self, "Broken"
'''

PYPROJECT = '[tool.remediator]\nselect = ["CDK301"]\n'


# ----------------------------------------------------------------------------------------------
# helpers


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(repo.parent)}
    return subprocess.run(["git", "-c", "core.autocrlf=false", "-c", "init.defaultBranch=main", *args], cwd=repo,
                          env=env, capture_output=True, check=True)


def make_project(root: Path, *, broken: bool = False, pyproject: str | None = PYPROJECT) -> Path:
    write(root / "app" / "stacks" / "storage.py", STORAGE)
    write(root / "app" / "stacks" / "network.py", NETWORK)
    write(root / "app" / "stacks" / "clean.py", CLEAN)
    write(root / "app" / "not_cdk.py", NOT_CDK)
    write(root / "app" / "__init__.py", "")
    if broken:
        write(root / "app" / "stacks" / "broken.py", BROKEN)
    if pyproject is not None:
        write(root / "pyproject.toml", pyproject)
    return root


def make_repo(root: Path, **kwargs) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    make_project(root, **kwargs)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root (outside .git) with its bytes."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".git"]
        for name in filenames:
            full = Path(dirpath) / name
            out[full.relative_to(root).as_posix()] = full.read_bytes()
    return out


def run_cli(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch):
    """Through click's runner, in-process, from ``cwd``; stdout and stderr kept apart."""
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, args, catch_exceptions=False)


def run_sub(args: list[str], cwd: Path, module: bool = False) -> subprocess.CompletedProcess[bytes]:
    """As a user would: the installed console script (or ``python -m remediator``)."""
    cmd = [sys.executable, "-m", "remediator", *args] if module else [str(REMEDIATOR), *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    return subprocess.run(cmd, cwd=cwd, capture_output=True, env=env, timeout=120)


def col(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the ``occurrence``-th ``needle`` in ``text``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


MSG = "KMS key does not rotate its key material"


def expected_lines() -> list[str]:
    l1, c1 = col(STORAGE, "kms.Key(")
    l2, c2 = col(STORAGE, "kms.Key(", 1)
    l3, c3 = col(NETWORK, "enable_key_rotation=False")  # the keyword that is the problem
    return [
        f"app/stacks/network.py:{l3}:{c3}: CDK301 {MSG} [*]",
        f"app/stacks/storage.py:{l1}:{c1}: CDK301 {MSG} [*]",
        f"app/stacks/storage.py:{l2}:{c2}: CDK301 {MSG} [*]",
    ]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


# ----------------------------------------------------------------------------------------------
# check


def test_check_lists_findings_and_exits_1(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "."], project, monkeypatch)
    assert res.exit_code == 1, res.output
    lines = res.stdout.splitlines()
    assert lines[:3] == expected_lines()
    assert lines[3:] == ["Found 3 findings.", "[*] 3 fixable with `remediator fix`."]
    assert res.stderr == ""
    for line in lines[:3]:
        assert re.fullmatch(r"[\w/.]+:\d+:\d+: CDK\d{3} .+ \[\*\]", line)


def test_check_clean_exits_0(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "app/stacks/clean.py", "app/not_cdk.py"], project, monkeypatch)
    assert res.exit_code == 0, res.output
    assert res.stdout == "All checks passed!\n"


def test_check_does_not_write(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = tree(project)
    run_cli(["check", "."], project, monkeypatch)
    assert tree(project) == before


def test_check_syntax_error_exits_2_and_reports_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", broken=True)
    res = run_cli(["check", "."], project, monkeypatch)
    assert res.exit_code == 2
    assert res.stdout.splitlines()[:3] == expected_lines()
    err = res.stderr.splitlines()
    assert len(err) == 1
    assert re.fullmatch(r"app/stacks/broken\.py: error: syntax error at line 3, column \d+: .+", err[0]), err


def test_missing_path_is_an_error_but_the_run_goes_on(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "nope.py", "app/stacks/storage.py"], project, monkeypatch)
    assert res.exit_code == 2
    assert res.stderr == "nope.py: error: no such file or directory\n"
    assert res.stdout.splitlines()[:2] == expected_lines()[1:]


def test_check_json(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "--format", "json", "."], project, monkeypatch)
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    assert isinstance(data, list) and len(data) == 3
    first = data[0]
    line, column = col(NETWORK, "enable_key_rotation=False")
    false = column + len("enable_key_rotation=")
    assert first == {"kind": "finding", "code": "CDK301", "name": "kms-key-rotation", "path": "app/stacks/network.py",
                     "line": line, "column": column, "end_line": line,
                     "end_column": column + len("enable_key_rotation=False"), "message": MSG, "fixable": True,
                     "tier": "safe",
                     "fix": {"applicability": "safe", "edits": [{"content": "True", "location": {"row": line, "column": false},
                                                                  "end_location": {"row": line, "column": false + 5}}]},
                     "url": None, "explain": "remediator explain CDK301"}
    assert [(o["path"], o["line"]) for o in data] == sorted((o["path"], o["line"]) for o in data)


def test_check_json_empty_is_an_empty_list(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "--format", "json", "app/stacks/clean.py"], project, monkeypatch)
    assert res.exit_code == 0
    assert json.loads(res.stdout) == []


# ----------------------------------------------------------------------------------------------
# --select / --ignore


@pytest.mark.parametrize("args, expect_findings", [
    (["--select", "CDK301"], True),
    (["--select", "CDK3"], True),
    (["--select", "CDK30,CDK301"], True),
    (["--select", "CDK30", "--select", "CDK301"], True),
    (["--select", "kms-key-rotation"], True),
    (["--ignore", "CDK301"], False),
    (["--ignore", "CDK3"], False),
    (["--select", "CDK301", "--ignore", "CDK30"], False),
    (["--select", "cdk301"], True),
])
def test_select_and_ignore(project: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
                           expect_findings: bool) -> None:
    res = run_cli(["check", *args, "app/stacks/storage.py"], project, monkeypatch)
    cdk301 = [ln for ln in res.stdout.splitlines() if " CDK301 " in ln]
    if expect_findings:
        assert len(cdk301) == 2, res.output
        assert res.exit_code == 1
    else:
        assert cdk301 == []
        assert res.exit_code == 0, res.output


@pytest.mark.parametrize("args, bad", [
    (["--select", "CDK999"], "CDK999"),
    (["--select", "CDK301,CDK999"], "CDK999"),
    (["--ignore", "XYZ"], "XYZ"),
    (["--extend-select", "CDK99"], "CDK99"),
])
def test_unknown_codes_exit_2_with_one_line(project: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
                                            bad: str) -> None:
    for cmd in (["check"], ["fix"], ["fix", "--diff"]):
        before = tree(project)
        res = run_cli([*cmd, *args, "."], project, monkeypatch)
        assert res.exit_code == 2
        assert res.stdout == ""
        assert len(res.stderr.splitlines()) == 1 and bad in res.stderr
        assert tree(project) == before


def test_select_overrides_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", pyproject='[tool.remediator]\nselect = ["CDK3"]\nignore = ["CDK301"]\n')
    assert run_cli(["check", "app"], project, monkeypatch).exit_code == 0
    # the configuration's ignore still applies to a command-line selection
    assert run_cli(["check", "--select", "CDK301", "app"], project, monkeypatch).exit_code == 0
    project2 = make_project(tmp_path / "q", pyproject='[tool.remediator]\nselect = ["CDK30"]\n')
    assert run_cli(["check", "--ignore", "CDK301", "app"], project2, monkeypatch).exit_code == 0


# ----------------------------------------------------------------------------------------------
# fix


def test_fix_writes_and_summarises(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["fix", "."], project, monkeypatch)
    assert res.exit_code == 0, res.output
    assert res.stderr == "Fixed 3 findings in 2 files (0 remaining)\n"
    assert res.stdout == ""
    assert (project / "app/stacks/storage.py").read_text() == STORAGE_FIXED
    assert 'cdk.aws_kms.Key(self, "VpnKey", enable_key_rotation=True)' in (project / "app/stacks/network.py").read_text()
    assert (project / "app/stacks/clean.py").read_text() == CLEAN
    assert (project / "app/not_cdk.py").read_text() == NOT_CDK
    log = (project / "CHANGELOG.md").read_text()
    assert "## [Unreleased]\n\n### Security\n" in log
    assert log.endswith("- Enable KMS key rotation on 3 keys in app/stacks/network.py and app/stacks/storage.py "
                        "(CDK301)\n")


def test_fix_exit_non_zero_on_fix(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["fix", "--exit-non-zero-on-fix", "app/stacks/storage.py"], project, monkeypatch)
    assert res.exit_code == 1
    assert res.stderr == "Fixed 2 findings in 1 file (0 remaining)\n"
    again = run_cli(["fix", "--exit-non-zero-on-fix", "app/stacks/storage.py"], project, monkeypatch)
    assert again.exit_code == 0
    assert again.stderr == "Fixed 0 findings in 0 files (0 remaining)\n"


def test_fix_nothing_to_do_exits_0_and_writes_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = tree(project)
    res = run_cli(["fix", "app/stacks/clean.py"], project, monkeypatch)
    assert res.exit_code == 0
    assert tree(project) == before  # not even a CHANGELOG.md


def test_fix_no_changelog(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["fix", "--no-changelog", "."], project, monkeypatch)
    assert res.exit_code == 0
    assert not (project / "CHANGELOG.md").exists()
    assert (project / "app/stacks/storage.py").read_text() == STORAGE_FIXED
    diff = run_cli(["fix", "--diff", "--no-changelog", "."], make_project(project.parent / "again"), monkeypatch)
    assert diff.exit_code == 1
    assert b"CHANGELOG" not in diff.stdout_bytes


def test_fix_changelog_path(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "docs" / "CHANGES.md", "# Changes\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n- First.\n")
    res = run_cli(["fix", "--changelog", "docs/CHANGES.md", "app/stacks/storage.py"], project, monkeypatch)
    assert res.exit_code == 0
    assert not (project / "CHANGELOG.md").exists()
    assert (project / "docs/CHANGES.md").read_text() == (
        "# Changes\n\n## [Unreleased]\n\n### Security\n"
        "- Enable KMS key rotation on 2 keys in app/stacks/storage.py (CDK301)\n\n"
        "## [1.0.0] - 2026-01-01\n- First.\n")


def test_fix_changelog_from_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", pyproject=PYPROJECT + 'changelog = "docs/HISTORY.md"\n')
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "app")  # relative to the configuration file, not the working directory
    res = CliRunner().invoke(main, ["fix", "stacks/storage.py"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "(CDK301)" in (project / "docs/HISTORY.md").read_text()
    assert not (project / "CHANGELOG.md").exists()


def test_fix_with_broken_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", broken=True)
    res = run_cli(["fix", "--exit-non-zero-on-fix", "."], project, monkeypatch)
    assert res.exit_code == 2
    assert (project / "app/stacks/broken.py").read_text() == BROKEN
    assert (project / "app/stacks/storage.py").read_text() == STORAGE_FIXED
    err = res.stderr.splitlines()
    assert err[0].startswith("app/stacks/broken.py: error: syntax error at line 3")
    assert err[1:] == ["Fixed 3 findings in 2 files (0 remaining)", "1 file could not be fixed (see the errors)."]


def test_fix_diff_exit_statuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p")
    before = tree(project)
    res = run_cli(["fix", "--diff", "."], project, monkeypatch)
    assert res.exit_code == 1
    assert tree(project) == before
    assert res.stdout.startswith("diff --git a/app/stacks/network.py b/app/stacks/network.py\n")
    assert "diff --git a/CHANGELOG.md b/CHANGELOG.md\nnew file mode 100644\n" in res.stdout
    assert res.stderr == "Would fix 3 findings in 2 files (0 remaining)\n"

    empty = run_cli(["fix", "--diff", "app/stacks/clean.py"], project, monkeypatch)
    assert empty.exit_code == 0 and empty.stdout == ""

    broken = make_project(tmp_path / "b", broken=True)
    res = run_cli(["fix", "--diff", "."], broken, monkeypatch)
    assert res.exit_code == 2
    assert "diff --git a/app/stacks/storage.py" in res.stdout  # the good files still get their diff
    assert "broken.py" not in res.stdout
    assert res.stderr.startswith("app/stacks/broken.py: error: ")


def test_fix_json_lists_remaining(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["fix", "--format", "json", "."], project, monkeypatch)
    assert res.exit_code == 0
    assert json.loads(res.stdout) == []


# ----------------------------------------------------------------------------------------------
# tiers: throwaway rules (not in transforms/) make unfixable and unsafe findings


class _KeyNeedsAlias(Rule):
    """Report-only: a key without an alias."""

    code, name, tier = "CDK991", "test-key-alias", Tier.REPORT
    summary = "test rule"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if not call.has("alias"):
            yield self.finding(call, "key has no alias")


class _KeyPending(Rule):
    """Unsafe: schedule deletion in 7 days."""

    code, name, tier = "CDK992", "test-key-pending", Tier.UNSAFE
    summary = "test rule"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if not call.has("pending_window"):
            yield self.finding(call, "key has no pending window",
                               fix=call.set_keyword("pending_window", "`aws_cdk.Duration`.days(7)"))


@pytest.fixture
def extra_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = (*all_rules(), _KeyNeedsAlias, _KeyPending)
    monkeypatch.setattr(remediator.runner, "all_rules", lambda: rules)


def test_tiers_in_check_and_fix(project: Path, monkeypatch: pytest.MonkeyPatch, extra_rules: None) -> None:
    args = ["--select", "CDK301,CDK99", "app/stacks/storage.py"]
    res = run_cli(["check", *args], project, monkeypatch)
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    l1, c1 = col(STORAGE, "kms.Key(")
    assert f"app/stacks/storage.py:{l1}:{c1}: CDK991 key has no alias" in lines  # no [*]
    assert f"app/stacks/storage.py:{l1}:{c1}: CDK992 key has no pending window" in lines  # needs --unsafe-fixes
    assert lines[-3:] == ["Found 8 findings.", "[*] 2 fixable with `remediator fix`.",
                          "(3 more fixable with the `--unsafe-fixes` option.)"]
    unsafe = run_cli(["check", "--unsafe-fixes", *args], project, monkeypatch)
    assert f"app/stacks/storage.py:{l1}:{c1}: CDK992 key has no pending window [*]" in unsafe.stdout.splitlines()
    assert unsafe.stdout.splitlines()[-2:] == ["Found 8 findings.", "[*] 5 fixable with `remediator fix`."]

    data = json.loads(run_cli(["check", "--format", "json", *args], project, monkeypatch).stdout)
    assert {(d["code"], d["tier"], d["fixable"]) for d in data} == {
        ("CDK301", "safe", True), ("CDK991", "report", False), ("CDK992", "unsafe", False)}

    res = run_cli(["fix", *args], project, monkeypatch)
    assert res.exit_code == 0
    assert res.stderr == "Fixed 2 findings in 1 file (6 remaining)\n"
    assert "CDK992" in res.stdout and "CDK301" not in res.stdout
    res = run_cli(["fix", "--unsafe-fixes", *args], project, monkeypatch)
    assert res.stderr == "Fixed 3 findings in 1 file (3 remaining)\n"
    text = (project / "app/stacks/storage.py").read_text()
    assert text.count("pending_window=Duration.days(7)") == 3
    assert len(re.findall(r"^from aws_cdk import .*\bDuration\b", text, re.M)) == 1
    assert run_cli(["check", *args], project, monkeypatch).stdout.splitlines()[-1] == "Found 3 findings."


def test_unsafe_fixes_from_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra_rules: None) -> None:
    project = make_project(tmp_path / "p", pyproject='[tool.remediator]\nselect = ["CDK992"]\nunsafe-fixes = true\n')
    res = run_cli(["fix", "app/stacks/storage.py"], project, monkeypatch)
    assert res.stderr == "Fixed 3 findings in 1 file (0 remaining)\n"
    project2 = make_project(tmp_path / "q", pyproject='[tool.remediator]\nselect = ["CDK992"]\nunsafe-fixes = true\n')
    res = run_cli(["fix", "--no-unsafe-fixes", "app/stacks/storage.py"], project2, monkeypatch)
    assert res.stderr == "Fixed 0 findings in 0 files (3 remaining)\n"


# ----------------------------------------------------------------------------------------------
# --config


def test_config_option(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "ci" / "remediator.toml", 'select = ["CDK3"]\nignore = ["CDK301"]\n')  # a dedicated file: keys at top level
    res = run_cli(["check", "--config", "ci/remediator.toml", "."], project, monkeypatch)
    assert res.exit_code == 0, res.output
    write(project / "ci" / "other.toml", '[tool.remediator]\nselect = ["CDK301"]\nexclude = ["app/stacks/net*"]\n')
    res = run_cli(["check", "--config", "ci/other.toml", "."], project, monkeypatch)
    assert res.exit_code == 1
    assert "network.py" not in res.stdout and "storage.py" in res.stdout


def test_config_errors_exit_2(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "--config", "missing.toml", "."], project, monkeypatch)
    assert res.exit_code == 2
    assert res.stderr == "missing.toml: error: configuration file not found\n"
    write(project / "pyproject.toml", '[tool.remediator]\nselct = ["CDK301"]\n')
    res = run_cli(["fix", "."], project, monkeypatch)
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and "'selct'" in res.stderr
    assert not (project / "CHANGELOG.md").exists()


# ----------------------------------------------------------------------------------------------
# rules, explain, version


def test_rules_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    res = run_cli(["rules"], tmp_path, monkeypatch)
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "TIER", "SUMMARY"]
    rows = {ln.split()[0]: ln for ln in lines[1:]}
    assert list(rows) == [r.code for r in all_rules()]
    for rule in all_rules():
        assert rows[rule.code].split()[1] == rule.name
        assert f" {rule.tier_label()} " in rows[rule.code]  # the real tier, conditions included
        assert rule.summary in rows[rule.code]
    assert re.fullmatch(r"CDK301 +kms-key-rotation +safe +KMS keys must rotate their key material", rows["CDK301"])
    assert re.search(r"^CDK103 +unknown-keyword +safe when unique +", rows["CDK103"])
    data = json.loads(run_cli(["rules", "--format", "json"], tmp_path, monkeypatch).stdout)
    assert {"code": "CDK301", "name": "kms-key-rotation", "tier": "safe", "tier_label": "safe",
            "summary": "KMS keys must rotate their key material", "default": True} in data


@pytest.mark.parametrize("key", ["CDK301", "cdk301", "kms-key-rotation"])
def test_explain(key: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    res = run_cli(["explain", key], tmp_path, monkeypatch)
    assert res.exit_code == 0
    out = res.stdout
    assert out.startswith("# kms-key-rotation (CDK301)\n\nTier: safe\n")
    heads = [out.index(h) for h in ("## What it does\n", "## Why is this bad?\n", "## Example\n", "## Fix safety\n")]
    assert heads == sorted(heads)
    assert "enable_key_rotation=True" in out


def test_explain_every_rule_has_four_sections(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for rule in all_rules():
        out = run_cli(["explain", rule.code], tmp_path, monkeypatch).stdout
        for head in ("## What it does", "## Why is this bad?", "## Example", "## Fix safety"):
            assert f"\n{head}\n" in out, (rule.code, head)


def test_explain_unknown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    res = run_cli(["explain", "CDK999"], tmp_path, monkeypatch)
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr == "error: unknown rule 'CDK999' (see `remediator rules`)\n"


def test_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    res = run_cli(["--version"], tmp_path, monkeypatch)
    assert res.exit_code == 0
    assert res.stdout.startswith(f"remediator {importlib.metadata.version('remediator')}")


# ----------------------------------------------------------------------------------------------
# as a subprocess, in a real git repository


def test_subprocess_console_script_and_module(repo: Path) -> None:
    for module in (False, True):
        res = run_sub(["check", "."], repo, module=module)
        assert res.returncode == 1, res.stderr
        assert res.stdout.decode().splitlines()[:3] == expected_lines()
        assert run_sub(["check", "app/stacks/clean.py"], repo, module=module).returncode == 0
        assert run_sub(["explain", "NOPE"], repo, module=module).returncode == 2
        version = run_sub(["--version"], repo, module=module)
        assert version.returncode == 0 and version.stdout.startswith(b"remediator ")


def _apply_equals_fix(tmp_path: Path, build, cwd_rel: str = ".", args: tuple[str, ...] = (".",)) -> Path:
    """Run `fix --diff` in one copy and `git apply` it at the root; `fix` in another copy; compare."""
    a = build(tmp_path / "a")
    b = tmp_path / "b"
    shutil.copytree(a, b, symlinks=True)
    before = tree(a)

    diff = run_sub(["fix", "--diff", *args], a / cwd_rel)
    assert diff.returncode == 1, diff.stderr
    assert tree(a) == before  # --diff writes nothing
    assert diff.stdout
    for line in diff.stdout.splitlines():
        if line.startswith((b"--- ", b"+++ ")):
            assert line[4:] == b"/dev/null" or line[4:6] in (b"a/", b"b/"), line
    patch = tmp_path / "fix.patch"
    patch.write_bytes(diff.stdout)
    check = subprocess.run(["git", "apply", "--check", str(patch)], cwd=a, capture_output=True)
    assert check.returncode == 0, check.stderr
    applied = subprocess.run(["git", "apply", str(patch)], cwd=a, capture_output=True)
    assert applied.returncode == 0 and applied.stderr == b"", applied.stderr

    fixed = run_sub(["fix", *args], b / cwd_rel)
    assert fixed.returncode == 0, fixed.stderr
    assert tree(a) == tree(b)
    assert tree(b) != before
    # git agrees: the same working-tree status in both copies
    assert git(a, "status", "--porcelain").stdout == git(b, "status", "--porcelain").stdout

    # idempotent: a second fix changes nothing, and the diff is then empty
    after = tree(b)
    again = run_sub(["fix", "--exit-non-zero-on-fix", *args], b / cwd_rel)
    assert again.returncode == 0, again.stderr
    assert again.stderr.decode().splitlines()[-1] == "Fixed 0 findings in 0 files (0 remaining)"
    assert tree(b) == after
    empty = run_sub(["fix", "--diff", *args], b / cwd_rel)
    assert empty.returncode == 0 and empty.stdout == b""
    return b


def test_git_apply_equals_fix_new_changelog(tmp_path: Path) -> None:
    b = _apply_equals_fix(tmp_path, make_repo)
    log = (b / "CHANGELOG.md").read_text()
    assert log.startswith("# Changelog\n")
    assert "- Enable KMS key rotation on 3 keys in app/stacks/network.py and app/stacks/storage.py (CDK301)\n" in log


def _repo_with_everything(root: Path) -> Path:
    """Existing changelog (CRLF), an executable file, a CRLF stack, a Latin-1 stack, a nested file."""
    make_project(root)
    write(root / "CHANGELOG.md", b"# Changelog\r\n\r\nIntro.\r\n\r\n## [Unreleased]\r\n\r\n### Added\r\n"
                                 b"- Something.\r\n\r\n## [0.1.0] - 2026-01-01\r\n- First.\r\n\r\n"
                                 b"[0.1.0]: https://example.com/v0.1.0\r\n")
    script = write(root / "bin" / "deploy.py", "#!/usr/bin/env python\n" + STORAGE)
    script.chmod(0o755)
    write(root / "app" / "stacks" / "crlf.py", NETWORK.replace("\n", "\r\n").encode())
    latin = ("# -*- coding: latin-1 -*-\n# Schlüssel für Daten\n" + NETWORK).encode("latin-1")
    write(root / "app" / "stacks" / "latin.py", latin)
    write(root / "app" / "deep" / "er" / "stack.py", NETWORK)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def test_git_apply_equals_fix_existing_changelog_crlf_exec_latin1(tmp_path: Path) -> None:
    b = _apply_equals_fix(tmp_path, _repo_with_everything)
    log = (b / "CHANGELOG.md").read_bytes()
    assert b"\r\n### Security\r\n- Enable KMS key rotation on " in log
    assert b"\n" not in log.replace(b"\r\n", b"")  # still CRLF throughout
    assert log.endswith(b"[0.1.0]: https://example.com/v0.1.0\r\n")
    assert os.stat(b / "bin" / "deploy.py").st_mode & 0o111
    assert b"enable_key_rotation=True)\r\n" in (b / "app/stacks/crlf.py").read_bytes()
    latin = (b / "app/stacks/latin.py").read_bytes()
    assert "Schlüssel".encode("latin-1") in latin and b"enable_key_rotation=True" in latin


def test_git_apply_equals_fix_from_a_subfolder(tmp_path: Path) -> None:
    b = _apply_equals_fix(tmp_path, make_repo, cwd_rel="app/stacks")
    assert "enable_key_rotation=True" in (b / "app/stacks/storage.py").read_text()
    assert (b / "CHANGELOG.md").exists()  # at the repository root, not in the working directory
    assert not (b / "app/stacks/CHANGELOG.md").exists()


def test_subfolder_findings_are_relative_to_it_and_the_diff_to_the_repository(repo: Path) -> None:
    res = run_sub(["check", "."], repo / "app" / "stacks")
    # as ruff shows them: relative to where the user stands
    assert res.stdout.decode().splitlines()[:3] == [line.removeprefix("app/stacks/") for line in expected_lines()]
    # the diff stays relative to the repository root, so that `git apply` there takes it
    diff = run_sub(["fix", "--diff", "storage.py"], repo / "app" / "stacks")
    assert b"diff --git a/app/stacks/storage.py b/app/stacks/storage.py\n" in diff.stdout
    assert b"diff --git a/CHANGELOG.md b/CHANGELOG.md\n" in diff.stdout


def test_git_broken_file_beside_good_files(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", broken=True)
    broken = (repo / "app/stacks/broken.py").read_bytes()
    diff = run_sub(["fix", "--diff", "."], repo)
    assert diff.returncode == 2
    patch = tmp_path / "p.patch"
    patch.write_bytes(diff.stdout)
    assert subprocess.run(["git", "apply", "--check", str(patch)], cwd=repo).returncode == 0

    res = run_sub(["fix", "."], repo)
    assert res.returncode == 2
    err = res.stderr.decode().splitlines()
    assert [ln for ln in err if ": error: " in ln] == [
        ln for ln in err if ln.startswith("app/stacks/broken.py: error: syntax error at line 3")]
    assert len([ln for ln in err if ": error: " in ln]) == 1
    assert err[-2:] == ["Fixed 3 findings in 2 files (0 remaining)", "1 file could not be fixed (see the errors)."]
    assert (repo / "app/stacks/broken.py").read_bytes() == broken
    status = git(repo, "status", "--porcelain").stdout.decode().splitlines()
    assert sorted(status) == [" M app/stacks/network.py", " M app/stacks/storage.py", "?? CHANGELOG.md"]
    # the tree now matches what the diff promised
    fresh = make_repo(tmp_path / "fresh", broken=True)
    assert subprocess.run(["git", "apply", str(patch)], cwd=fresh).returncode == 0
    assert tree(fresh) == tree(repo)


def test_outside_git_paths_are_relative_to_the_working_directory(project: Path) -> None:
    diff = run_sub(["fix", "--diff", "app/stacks/storage.py"], project)
    assert diff.returncode == 1
    assert diff.stdout.startswith(b"diff --git a/app/stacks/storage.py b/app/stacks/storage.py\n")


def test_report_names_the_api_version_when_cdk1xx_rules_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from remediator.api import get_index

    make_project(tmp_path)
    version = get_index(None, str(tmp_path)).version
    with_api = run_cli(["check", "--select", "CDK1", "."], tmp_path, monkeypatch)
    assert f"API: aws-cdk-lib {version} (" in with_api.stderr
    without = run_cli(["check", "--select", "CDK301", "."], tmp_path, monkeypatch)
    assert "API:" not in without.stderr


# ----------------------------------------------------------------------------------------------
# monorepos: each file takes its nearest configuration, as in ruff


KEYS_AND_BUCKETS = '''\
from aws_cdk import Stack, aws_kms as kms, aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        kms.Key(self, "Key")
        s3.Bucket(self, "Bucket", enforce_ssl=True)
'''


def _monorepo(root: Path) -> Path:
    """Two apps with their own [tool.remediator]: one selects CDK301 and keeps its own changelog,
    the other selects CDK302; a shared library without configuration."""
    write(root / "apps" / "keys" / "pyproject.toml",
          '[project]\nname = "keys"\n\n[tool.remediator]\nselect = ["CDK301"]\nchangelog = "CHANGELOG.md"\n')
    write(root / "apps" / "keys" / "keys" / "stack.py", KEYS_AND_BUCKETS)
    write(root / "apps" / "buckets" / "pyproject.toml", '[tool.remediator]\nselect = ["CDK302"]\n')
    write(root / "apps" / "buckets" / "buckets" / "stack.py", KEYS_AND_BUCKETS)
    write(root / "pyproject.toml", '[tool.remediator]\nselect = ["CDK301", "CDK302"]\n')
    write(root / "libs" / "shared.py", KEYS_AND_BUCKETS)
    # shown (once) as its target, and so configured as its target: the root configuration
    (root / "apps" / "buckets" / "buckets" / "shared.py").symlink_to(Path("..", "..", "..", "libs", "shared.py"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


@pytest.mark.parametrize("cwd, args", [
    (".", []),
    (".", ["apps/buckets", "apps/keys", "libs"]),
    ("apps/keys", [".", "../buckets/buckets/stack.py", "../../libs/shared.py"]),
    ("apps/buckets", ["../..", "--jobs", "1"]),
])
def test_each_file_takes_its_nearest_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: str,
                                                     args: list[str]) -> None:
    root = _monorepo(tmp_path / "mono")
    res = run_cli(["check", "--format", "json", *args], root / cwd, monkeypatch)
    assert res.exit_code == 1, res.stderr
    # paths are relative to the working directory when inside it, else absolute (as ruff shows them)
    found = sorted((os.path.relpath(os.path.join(root, cwd, d["path"]), root), d["code"]) for d in json.loads(res.stdout))
    for d in json.loads(res.stdout):
        assert not d["path"].startswith("..")
    assert found == [("apps/buckets/buckets/stack.py", "CDK302"), ("apps/keys/keys/stack.py", "CDK301"),
                     ("libs/shared.py", "CDK301"), ("libs/shared.py", "CDK302")]


def test_monorepo_fix_follows_each_configuration_and_changelog(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    b = _apply_equals_fix(tmp_path, _monorepo, args=())
    keys = (b / "apps" / "keys" / "keys" / "stack.py").read_text()
    buckets = (b / "apps" / "buckets" / "buckets" / "stack.py").read_text()
    assert "enable_key_rotation=True" in keys and "block_public_access" not in keys
    assert "block_public_access" in buckets and "enable_key_rotation" not in buckets
    # the keys app keeps its own changelog; the rest goes to the repository's
    own = (b / "apps" / "keys" / "CHANGELOG.md").read_text()
    assert "- Enable KMS key rotation on 1 key in apps/keys/keys/stack.py (CDK301)\n" in own
    assert "CDK302" not in own
    main_log = (b / "CHANGELOG.md").read_text()
    assert "- Enable KMS key rotation on 1 key in libs/shared.py (CDK301)\n" in main_log
    assert ("- Block public access on 2 S3 buckets in apps/buckets/buckets/stack.py and libs/shared.py (CDK302)\n"
            in main_log)
    # the command line still wins over every configuration
    res = run_cli(["check", "--select", "CDK303", "--format", "json"], tmp_path / "a", monkeypatch)
    assert res.exit_code == 0 and json.loads(res.stdout) == [], res.stdout


def test_unsafe_fixes_of_one_app_do_not_reach_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        extra_rules: None) -> None:
    """`fix apps/bold apps/careful`: the first app's `unsafe-fixes = true` must not apply to the second."""
    write(tmp_path / "apps" / "bold" / "pyproject.toml", '[tool.remediator]\nselect = ["CDK992"]\nunsafe-fixes = true\n')
    write(tmp_path / "apps" / "careful" / "pyproject.toml",
          '[tool.remediator]\nselect = ["CDK992"]\nexclude = ["legacy/"]\n')
    for app in ("bold", "careful"):
        write(tmp_path / "apps" / app / "stack.py", STORAGE)
    write(tmp_path / "apps" / "careful" / "legacy" / "old.py", STORAGE)
    res = run_cli(["fix", "--no-changelog", "apps/bold", "apps/careful"], tmp_path, monkeypatch)
    assert res.exit_code == 0, res.output
    assert "pending_window" in (tmp_path / "apps" / "bold" / "stack.py").read_text()
    assert (tmp_path / "apps" / "careful" / "stack.py").read_text() == STORAGE
    assert res.stderr == "Fixed 3 findings in 1 file (3 remaining)\n"  # careful/legacy is excluded by its own file
    named = run_cli(["check", "apps/careful/legacy/old.py"], tmp_path, monkeypatch)  # a named file is always taken
    assert named.exit_code == 1 and "old.py" in named.stdout


def test_fixing_another_repository_never_touches_the_one_you_stand_in(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    here = make_repo(tmp_path / "here")
    (here / "CHANGELOG.md").write_text("# Changelog\n\n## [Unreleased]\n")
    git(here, "add", "-A")
    git(here, "commit", "-q", "-m", "changelog")
    before = tree(here)
    other = make_repo(tmp_path / "other")
    result = run_cli(["fix", "--diff", str(other / "app")], here, monkeypatch)
    assert result.exit_code == 1
    diffs = re.findall(r"^diff --git a/(\S+)", result.stdout, re.M)
    assert "CHANGELOG.md" in diffs and "app/stacks/storage.py" in diffs  # relative to the other repo's root
    fixed = run_cli(["fix", str(other / "app")], here, monkeypatch)
    assert fixed.exit_code == 0
    assert tree(here) == before
    assert "(CDK301)" in (other / "CHANGELOG.md").read_text()


def test_a_loose_file_outside_any_repository_gets_its_changelog_beside_it(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    here = make_repo(tmp_path / "here")
    before = tree(here)
    loose = tmp_path / "loose"
    write(loose / "keys.py", STORAGE)
    result = run_cli(["fix", "--select", "CDK301", str(loose / "keys.py")], here, monkeypatch)
    assert result.exit_code == 0
    assert tree(here) == before
    assert "(CDK301)" in (loose / "CHANGELOG.md").read_text()
