"""Every golden case: fix output, findings, optional diff, idempotence, and valid code."""

from __future__ import annotations

import os

import pytest

from golden_support import Case, case_config, case_diff, changelog_entry, findings_text, rule_cases, run_case

GOLDEN = os.path.join(os.path.dirname(__file__), os.pardir, "golden")
CASES = rule_cases(GOLDEN)


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def _write(path: str, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden_case(case: Case, update_golden: bool) -> None:
    source = _read(case.input)
    assert source is not None
    cfg = case_config(case)

    app = case.app()
    checked = run_case(source, cfg, fix=False, app=app)
    assert not checked.errors, checked.errors
    fixed = run_case(source, cfg, fix=True, app=app)
    assert not fixed.errors, fixed.errors
    output = fixed.fixed if fixed.fixed is not None else source
    findings = findings_text(checked).encode()
    diff = case_diff("stack.py", source, output)

    if update_golden:
        _write(case.expected, output)
        _write(case.findings, findings)
        if os.path.exists(case.diff) or output != source:
            _write(case.diff, diff)
    assert _read(case.expected) == output, f"fix output differs from {case.expected}"
    assert _read(case.findings) == findings, f"findings differ from {case.findings}"
    if os.path.exists(case.diff):
        assert _read(case.diff) == diff

    # the output is valid Python and a second run changes nothing (idempotence)
    compile(output, case.expected, "exec")
    again = run_case(output, cfg, fix=True, app=app)
    assert not again.errors, again.errors
    assert again.fixed is None, "a second fix changed the file again"
    # findings that were fixed do not come back
    remaining_fixable = [d for d in run_case(output, cfg, fix=False, app=app).diagnostics if d.fixable]
    assert not remaining_fixable, remaining_fixable


def test_every_rule_has_golden_cases() -> None:
    from remediator.transforms import all_rules

    folders = {os.path.basename(c.folder) for c in CASES}
    missing = [f"{r.code}-{r.name}" for r in all_rules() if f"{r.code}-{r.name}" not in folders]
    assert not missing, f"rules without golden cases: {missing}"
