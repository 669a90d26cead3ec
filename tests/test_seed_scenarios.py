"""The four seed scenarios end to end: each review document's app is fixed (safe, then with
``--unsafe-fixes``) into exactly the expected app, diff and changelog; every failure the review found
is fixed, reported or listed as not covered, as ``seed_scenarios.py`` says; and the fixed apps
synthesize with the promised cdk-nag findings gone."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from remediator.runner import Request, RunResult, run
from remediator.transforms import rule_by_code
from seed_scenarios import SCENARIOS, Scenario, render_readme, render_table, scenario

SEED_IDS = [s.seed for s in SCENARIOS]
MODES = ("safe", "unsafe")
README = Path(__file__).resolve().parent.parent / "README.md"
SKIP = {"__pycache__", "cdk.out", ".pytest_cache"}


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def _run(app: Path, *, fix: bool, unsafe: bool, diff: bool = False) -> RunResult:
    with _cwd(app):
        result = run(Request(paths=["."], fix=fix, diff=diff, unsafe_fixes=True if unsafe else None, jobs=1))
    assert not result.errors, result.errors
    return result


def _tree(folder: Path) -> dict[str, bytes]:
    out = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP)
        for f in files:
            path = Path(root) / f
            out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


def _copy(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(*SKIP))
    return dest


def _expected(s: Scenario, mode: str) -> tuple[Path, Path]:
    name = "expected" if mode == "safe" else "expected-unsafe"
    return Path(s.folder) / name, Path(s.folder) / f"{name}.diff"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("seed", SEED_IDS)
def test_fix_makes_the_expected_app(seed: str, mode: str, tmp_path: Path, update_golden: bool) -> None:
    s = scenario(seed)
    app = _copy(Path(s.folder) / "input", tmp_path / "app")
    drafted = _tree(app)
    planned = _run(app, fix=True, unsafe=mode == "unsafe", diff=True)
    assert _tree(app) == drafted  # --diff writes nothing
    _run(app, fix=True, unsafe=mode == "unsafe")
    fixed = _tree(app)
    expected_dir, expected_diff = _expected(s, mode)
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        _copy(app, expected_dir)
        expected_diff.write_bytes(planned.patch)
    assert fixed == _tree(expected_dir), f"{seed}: the fixed app differs from {expected_dir.name}/"
    assert planned.patch == expected_diff.read_bytes(), f"{seed}: fix --diff differs from {expected_diff.name}"
    assert "CHANGELOG.md" in fixed  # the changelog entry is part of the expected app
    for path, data in fixed.items():
        if path.endswith(".py"):
            compile(data, path, "exec")
    assert _run(app, fix=True, unsafe=mode == "unsafe", diff=True).changes == []  # converged


@pytest.mark.parametrize("seed", SEED_IDS)
def test_every_failure_of_the_review_is_handled_as_listed(seed: str, tmp_path: Path) -> None:
    s = scenario(seed)
    for f in s.failures:
        if f.code is not None:
            assert rule_by_code(f.code), f.code
    fixed, unsafe, reported = s.codes("fixed"), s.codes("unsafe"), s.codes("reported")

    drafted = _run(_copy(Path(s.folder) / "input", tmp_path / "drafted"), fix=False, unsafe=False).diagnostics
    for code in fixed:
        assert any(d.code == code and d.fixable for d in drafted), f"{seed}: {code} finds nothing to fix"
    for code in reported:
        assert any(d.code == code and not d.fixable and not d.fix_available for d in drafted), \
            f"{seed}: {code} reports nothing"

    safe_dir, _ = _expected(s, "safe")
    after_safe = _run(_copy(safe_dir, tmp_path / "safe"), fix=False, unsafe=False).diagnostics
    assert [d for d in after_safe if d.fixable] == [], f"{seed}: safe fixes left after fix"
    for code in unsafe:  # left for --unsafe-fixes (some only once a safe fix made them possible)
        assert any(d.code == code and d.fix_available for d in after_safe), f"{seed}: {code} has no unsafe fix"

    unsafe_dir, _ = _expected(s, "unsafe")
    after_unsafe = _run(_copy(unsafe_dir, tmp_path / "unsafe"), fix=False, unsafe=True).diagnostics
    assert [d for d in after_unsafe if d.fixable] == [], f"{seed}: fixes left after fix --unsafe-fixes"
    for code in unsafe:
        assert not any(d.code == code and d.fix_available for d in after_unsafe), f"{seed}: {code} not applied"
    for code in reported:  # still reported: the reader decides
        assert any(d.code == code for d in after_unsafe), f"{seed}: {code} no longer reported"


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_readme_lists_the_review(seed: str, update_golden: bool) -> None:
    s = scenario(seed)
    path = Path(s.folder) / "README.md"
    if update_golden:
        path.write_text(render_readme(s), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == render_readme(s)


def _nag_figures() -> dict[str, dict]:
    out = {}
    for s in SCENARIOS:
        path = Path(s.folder) / "expected.nag.json"
        if path.exists():
            out[s.seed] = json.loads(path.read_text(encoding="utf-8"))
    return out


def test_readme_table_of_scenarios() -> None:
    """The README's table is the scenarios' (counts from seed_scenarios.py, cdk-nag totals measured
    by the synth test below)."""
    assert render_table(_nag_figures()) in README.read_text(encoding="utf-8")


@pytest.mark.synth
@pytest.mark.parametrize("seed", SEED_IDS)
def test_fixed_apps_synthesize_and_clear_the_promised_nag_rules(seed: str, tmp_path: Path,
                                                                 update_golden: bool) -> None:
    from remediator.verify.synthesize import synth

    s = scenario(seed)
    results = {}
    for key, folder in (("before", Path(s.folder) / "input"), ("safe", _expected(s, "safe")[0]),
                        ("unsafe", _expected(s, "unsafe")[0])):
        results[key] = synth(str(_copy(folder, tmp_path / key)), nag=True, timeout=600)
    before = results["before"]
    assert before.ok == s.synthesizes_before, before.error
    for key in ("safe", "unsafe"):
        assert results[key].ok, f"{seed} after the {key} fix: {results[key].error}\n{results[key].stderr_tail}"
        for rule in s.nag_cleared:
            assert results[key].nag_count(rule) == 0, f"{seed} after the {key} fix: AwsSolutions-{rule} left"
            if before.ok:
                assert before.nag_count(rule) > 0, f"{seed}: AwsSolutions-{rule} had nothing to clear"
    figures = {key: (sum(r.nag.values()) if r.ok and r.nag is not None else None) for key, r in results.items()}
    path = Path(s.folder) / "expected.nag.json"
    if update_golden:
        path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == figures
