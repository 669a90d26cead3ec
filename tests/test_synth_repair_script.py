"""benchmarks/synth_repair.py: apps are found, fixed in copies and counted; one corpus app end to end (synth)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "benchmarks" / "synth_repair.py"
CORPUS = REPO / "tests" / "ai_apps"

KEY_STACK = '''\
from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from constructs import Construct


class KeyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kms.Key(self, "DataKey")
'''

KEY_APP = '''\
import aws_cdk as cdk

from stacks.key_stack import KeyStack

app = cdk.App()
KeyStack(app, "KeyStack")
app.synth()
'''


def run_script(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=900,
                          cwd=REPO)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def make_app(root: Path, name: str = "keys") -> Path:
    app = root / name
    (app / "stacks").mkdir(parents=True)
    (app / "cdk.json").write_text('{"app": "python3 app.py", "context": {}}\n')
    (app / "app.py").write_text(KEY_APP)
    (app / "stacks" / "__init__.py").write_text("")
    (app / "stacks" / "key_stack.py").write_text(KEY_STACK)
    return app


def load_module():
    spec = importlib.util.spec_from_file_location("synth_repair", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth_repair"] = module  # dataclasses look the module up while the class is created
    spec.loader.exec_module(module)
    return module


def test_list_names_every_corpus_app() -> None:
    expected = sorted(p.parent.name for p in CORPUS.glob("*/cdk.json"))
    assert len(expected) >= 30
    listed = run_script("--list").stdout.split()
    assert listed == expected
    for name in listed:
        assert (CORPUS / name / "app.py").is_file(), name
        assert json.loads((CORPUS / name / "cdk.json").read_text())["app"] == "python3 app.py"


def test_dry_run_fixes_copies_and_leaves_the_app_untouched(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    (tmp_path / "not_an_app").mkdir()  # no cdk.json: not listed
    (tmp_path / "not_an_app" / "helper.py").write_text("print('hi')\n")
    before = (app / "stacks" / "key_stack.py").read_bytes()

    text = run_script(str(tmp_path), "--dry-run").stdout
    rows = [line.split() for line in text.splitlines() if line.startswith("keys ")]
    assert rows == [["keys", "-", "-", "-", "0/0"]], text
    assert "1 apps; synthesis skipped (--dry-run)" in text

    doc = json.loads(run_script(str(tmp_path), "--dry-run", "--json").stdout)
    assert [a["app"] for a in doc["apps"]] == ["keys"]
    result = doc["apps"][0]
    for mode in ("fix", "unsafe"):
        assert result[mode]["changed_files"] == ["stacks/key_stack.py"]
        assert "kms.Key(self, \"DataKey\", enable_key_rotation=True)\n" in result[mode]["diff"]
        assert result[mode]["remaining"] == 0
        assert result[mode]["fixed"] == 2  # CDK301 rotation, CDK501 an output of its ARN
        assert result[mode]["synth"]["ok"] is None
    assert result["before"]["ok"] is None
    # the fixes ran in copies: the app as written is unchanged, and no changelog was written anywhere
    assert (app / "stacks" / "key_stack.py").read_bytes() == before
    assert not list(tmp_path.rglob("CHANGELOG.md"))


def test_unknown_app_and_root_are_errors(tmp_path: Path) -> None:
    make_app(tmp_path)
    proc = run_script(str(tmp_path), "--app", "nope", "--dry-run", check=False)
    assert proc.returncode == 2
    assert "no app nope" in proc.stderr
    proc = run_script(str(tmp_path / "missing"), check=False)
    assert proc.returncode == 2
    assert "no such folder" in proc.stderr


def test_error_location_and_broken_apps_in_the_report(tmp_path: Path) -> None:
    m = load_module()
    app_dir = tmp_path / "copy"
    (app_dir / "stacks").mkdir(parents=True)
    (app_dir / "stacks" / "s.py").write_text("x\n")
    stderr = (
        "Traceback (most recent call last):\n"
        f'  File "{app_dir}/app.py", line 9, in <module>\n'
        f'  File "{app_dir}/stacks/s.py", line 42, in __init__\n'
        '  File "/venv/lib/python3.11/site-packages/aws_cdk/aws_rds/__init__.py", line 10, in __init__\n'
        "TypeError: DatabaseInstance.__init__() got an unexpected keyword argument 'backup_window'\n"
    )
    assert m.app_frame(stderr, app_dir) == "stacks/s.py:42"
    assert m.app_frame("no traceback", app_dir) is None
    assert m._line_at(app_dir, "stacks/s.py:1") == "x"
    assert m._line_at(app_dir, "stacks/s.py:7") is None
    stack = app_dir / "stacks" / "stack.py"
    stack.write_text("for name in NAMES:\n    x = Vpc(\n        self,\n        bad=True,\n    )\n    y = 1\n")
    assert m.statement_lines(stack, 2) == (2, 5)  # the whole call, down to the keyword that broke it
    assert m.statement_lines(stack, 1) == (1, 1)  # a loop's header, not its body
    assert m.statement_lines(stack, 6) == (6, 6)

    changed, diff = m.tree_diff({"a.py": b"x = 1\n"}, {"a.py": b"x = 2\n", "b.py": b"y\n"})
    assert changed == ["a.py", "b.py"]
    assert "-x = 1\n+x = 2\n" in diff and "+++ b/b.py" in diff

    ok = m.SynthOutcome(ok=True)
    failed = m.SynthOutcome(ok=False, error="TypeError: boom", failure="app-error", where="stacks/s.py:42")
    fix_broke = m.FixOutcome(mode="fix", exit_code=0, fixed=1, changed_files=["a.py"], remaining=2, findings=[],
                             errors="", diff=diff, synth=failed, findings_at_error=["CDK103 unknown keyword"])
    fix_ok = m.FixOutcome(mode="unsafe", exit_code=0, fixed=1, changed_files=[], remaining=1, findings=[],
                          errors="", diff="", synth=ok)
    outcomes = [
        m.AppOutcome(app="was_fine", before=ok, fix=fix_broke, unsafe=fix_ok, broken_by_fix=True),
        m.AppOutcome(app="repaired", before=failed, fix=fix_ok, unsafe=fix_ok),
    ]
    text = m.render_text(outcomes, synthesized=True)
    assert "BROKEN by `remediator fix`: was_fine" in text
    assert "-x = 1\n+x = 2" in text
    assert "was_fine [fix] at stacks/s.py:42: TypeError: boom" in text
    assert "remediator reported there: CDK103 unknown keyword" in text
    assert text.rstrip().endswith("before: 1/2 synthesize; after fix: 1/2; after fix --unsafe-fixes: 2/2; "
                                  "broken by the fix: 1")
    totals = json.loads(m.render_json(outcomes, True, {}))["totals"]
    assert totals["broken_by_fix"] == ["was_fine"]
    assert totals["repaired_by_fix"] == ["repaired"]


@pytest.mark.synth
def test_one_corpus_app_end_to_end() -> None:
    """event_bus builds a log retention enum from a number (`logs.RetentionDays(7)`): synth fails as
    written, in the app's own helper; after the safe fix (and the unsafe one) the app synthesizes."""
    text = run_script("--app", "event_bus").stdout
    row = next(line.split(None, 5) for line in text.splitlines() if line.startswith("event_bus "))
    assert row[:4] == ["event_bus", "FAIL", "ok", "ok"], text
    assert "event_bus [before] at stacks/functions.py:9: ValueError:" in text
    assert "event_bus [fix" not in text  # neither fixed copy failed
    assert "before: 0/1 synthesize; after fix: 1/1; after fix --unsafe-fixes: 1/1; broken by the fix: 0" in text
