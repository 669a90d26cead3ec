"""The corpus (tests/corpus/<app>/): hand-written CDK apps of every shape. With every rule (whatever
rules exist when the test runs), safe and unsafe, `fix` never fails on them and is idempotent.

The engine runs in-process for speed; one CLI run covers the whole corpus end to end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from remediator.source.config import Config
from remediator.analysis.engine import RunOptions, process_source
from remediator.transforms import all_rules

CORPUS = Path(__file__).parent / "corpus"
APPS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def app_files(app: str) -> list[Path]:
    return sorted(p for p in (CORPUS / app).rglob("*.py") if "__pycache__" not in p.parts)


def all_rule_instances():
    return [r() for r in all_rules()]


def test_corpus_is_large_and_varied() -> None:
    assert len(APPS) >= 30
    texts = {p: p.read_text(encoding="utf-8") for a in APPS for p in app_files(a)}
    multi_file = [a for a in APPS if len(app_files(a)) > 2]
    assert len(multi_file) >= 5
    spellings = {
        "from aws_cdk import aws_x as y": "from aws_cdk import aws_",
        "import aws_cdk as cdk": "import aws_cdk as ",
        "cdk.aws_x.Class": "cdk.aws_",
        "from aws_cdk.aws_x import Class": "from aws_cdk.aws_",
        "import aws_cdk.aws_x as y": "import aws_cdk.aws_",
        "bare import aws_cdk": "import aws_cdk\n",
        "NestedStack": "NestedStack",
        "L1": "Cfn",
    }
    for what, needle in spellings.items():
        assert any(needle in t for t in texts.values()), what
    assert any("    from aws_cdk" in t or "    import aws_cdk" in t for t in texts.values()), "import in a function"
    assert any(b"\r\n" in p.read_bytes() for p in texts), "a CRLF file"
    assert any("\n\t\t" in t for t in texts.values()), "a tab-indented file"


def _options(app: str, unsafe: bool, fix: bool = True) -> RunOptions:
    return RunOptions(fix=fix, unsafe_fixes=unsafe, settings=dict(Config().settings), project_root=str(CORPUS / app))


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("app", APPS)
def test_fix_all_rules_never_fails_and_is_idempotent(app: str, unsafe: bool) -> None:
    rules = all_rule_instances()
    for path in app_files(app):
        shown = str(path.relative_to(CORPUS))
        source = path.read_bytes()
        check = process_source(source, shown, rules, _options(app, unsafe, fix=False))
        assert check.errors == [], (shown, check.errors)
        first = process_source(source, shown, rules, _options(app, unsafe))
        assert first.errors == [], (shown, first.errors)
        if first.fixed is None:
            continue
        compile(first.fixed, shown, "exec", dont_inherit=True)
        second = process_source(first.fixed, shown, rules, _options(app, unsafe))
        assert second.errors == [], (shown, second.errors)
        assert second.fixed is None, f"{shown}: a second fix run changed the file again"
        # nothing the run could fix is left over
        assert not [d for d in second.diagnostics if d.fixable], (shown, second.diagnostics)


def test_cli_fix_whole_corpus(tmp_path: Path) -> None:
    """One end-to-end run: every rule, unsafe fixes, parallel workers; then a second run does nothing."""
    work = tmp_path / "corpus"
    shutil.copytree(CORPUS, work, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    cmd = [sys.executable, "-m", "remediator", "fix", ".", "--select", "ALL", "--unsafe-fixes", "--jobs", "2"]
    first = subprocess.run(cmd, cwd=work, env=env, capture_output=True, timeout=600)
    err = first.stderr.decode()
    assert first.returncode == 0, err
    assert ": error:" not in err and "Traceback" not in err, err
    before = {p: p.read_bytes() for p in work.rglob("*.py")}
    assert any(before[p] != (CORPUS / p.relative_to(work)).read_bytes() for p in before), "nothing was fixed"
    assert (work / "CHANGELOG.md").exists()
    for p, data in before.items():
        compile(data, str(p), "exec", dont_inherit=True)
    second = subprocess.run(cmd + ["--no-changelog"], cwd=work, env=env, capture_output=True, timeout=600)
    assert second.returncode == 0, second.stderr.decode()
    assert {p: p.read_bytes() for p in work.rglob("*.py")} == before
    assert "Fixed 0 findings" in second.stderr.decode()
