"""Ground truth for the CDK112 enum mapping: the numbers aws-cdk-lib itself gives RetentionDays
members (read from the compiled JavaScript inside the installed wheel's jsii tarball) must map
back to exactly those members, and numbers no member means must map to none."""

from __future__ import annotations

import re
import tarfile

import pytest

from remediator.api import get_index, locate
from remediator.analysis.durations import days_range as duration_range
from remediator.transforms.api_repair.cdk112_missing_required_argument import member_for_value

RETENTION = "aws_cdk.aws_logs.RetentionDays"


def _retention_values() -> dict[str, int]:
    assembly = locate.from_interpreter()
    if assembly is None:
        pytest.skip("aws-cdk-lib is not installed")
    with tarfile.open(assembly.tgz) as tf:
        js = tf.extractfile("package/aws-logs/lib/log-group.js").read().decode()  # type: ignore[union-attr]
    # RetentionDays2[RetentionDays2.ONE_WEEK=7]="ONE_WEEK"
    values = {m.group(1): int(m.group(2)) for m in re.finditer(r"RetentionDays\d*\.([A-Z_]+)=(\d+)\]", js)}
    assert len(values) > 20, "the compiled enum was not found: has log-group.js changed shape?"
    return values


def test_every_real_retention_value_maps_to_its_member() -> None:
    values = _retention_values()
    members = get_index().enum_members(RETENTION)
    for member, days in values.items():
        if member == "INFINITE":  # 9999 in JavaScript: no duration meaning, must not match anything
            assert member_for_value(members, days) == (None, "")
            continue
        assert member_for_value(members, days)[0] == member, (member, days)


@pytest.mark.parametrize("days,member", [(7, "ONE_WEEK"), (30, "ONE_MONTH"), (31, "ONE_MONTH"), (365, "ONE_YEAR"),
                                         (730, "TWO_YEARS"), (390, "THIRTEEN_MONTHS"), (180, "SIX_MONTHS")])
def test_human_day_counts(days: int, member: str) -> None:
    assert member_for_value(get_index().enum_members(RETENTION), days)[0] == member


@pytest.mark.parametrize("days", [0, 2, 10, 29, 32, 364, 367, 1000, -7])
def test_numbers_no_member_means(days: int) -> None:
    assert member_for_value(get_index().enum_members(RETENTION), days) == (None, "")


def test_strings_and_non_duration_enums() -> None:
    api = get_index()
    billing = api.enum_members("aws_cdk.aws_dynamodb.BillingMode")
    assert member_for_value(billing, "pay-per-request")[0] == "PAY_PER_REQUEST"
    assert member_for_value(billing, "on demand") == (None, "")
    assert member_for_value(billing, 1) == (None, "")  # numbers mean nothing for a non-duration enum
    assert member_for_value(api.enum_members(RETENTION), True) == (None, "")


def test_duration_ranges() -> None:
    assert duration_range("ONE_WEEK") == (7, 7)
    assert duration_range("TWO_YEARS") == (730, 732)
    assert duration_range("EIGHTEEN_MONTHS") == (540, 558)
    assert duration_range("INFINITE") is None
    assert duration_range("MANY_DAYS") is None


# --------------------------------------------------------------------------------------------------
# CDK110, semantically: generated stacks are run (with a stand-in for aws_cdk.Stack) before and
# after the fix. Moving a statement may only turn reads of missing attributes into reads of real
# values; every value that was defined before must stay exactly the same.

import sys  # noqa: E402
import types  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from remediator.analysis.engine import RunOptions, process_source  # noqa: E402
from remediator.transforms import rule_by_code  # noqa: E402

N_ATTRS, N_METHODS = 3, 3


@st.composite
def _stacks(draw: st.DrawFn) -> str:
    def reads(methods: int = N_METHODS) -> str:
        """Reads of attributes and calls of methods below ``methods`` (so nothing recurses)."""
        parts = []
        for _ in range(draw(st.integers(0, 2))):
            if methods == 0 or draw(st.booleans()):
                parts.append(f"self.a{draw(st.integers(0, N_ATTRS - 1))}")
            else:
                flag = "flag=True" if draw(st.booleans()) else ""
                parts.append(f"self.m{draw(st.integers(0, methods - 1))}({flag})")
        return "".join(", " + p for p in parts)

    lines = ["from aws_cdk import Stack", "", "", "class Generated(Stack):",
             "    def __init__(self, scope, construct_id):",
             "        super().__init__(scope, construct_id)"]
    local_names: list[str] = []
    for k in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["assign", "assign", "assign", "expr", "local", "from_local", "if"]))
        if kind == "assign":
            lines.append(f"        self.a{draw(st.integers(0, N_ATTRS - 1))} = f('s{k}'{reads()})")
        elif kind == "expr":
            lines.append(f"        f('s{k}'{reads()})")
        elif kind == "local":
            local_names.append(f"v{k}")
            lines.append(f"        v{k} = f('s{k}'{reads()})")
        elif kind == "from_local" and local_names:
            source = draw(st.sampled_from(local_names))
            lines.append(f"        self.a{draw(st.integers(0, N_ATTRS - 1))} = f('s{k}', {source})")
        elif kind == "if":
            lines.append("        if True:")
            lines.append(f"            self.a{draw(st.integers(0, N_ATTRS - 1))} = f('s{k}'{reads()})")
    for m in range(N_METHODS):
        lines += ["", f"    def m{m}(self, flag=False):", "        if flag:", f"            return f('m{m}-flag')"]
        if draw(st.booleans()):
            lines.append(f"        self.a{draw(st.integers(0, N_ATTRS - 1))} = f('m{m}-set'{reads(m)})")
        lines.append(f"        return f('m{m}'{reads(m)})")
    return "\n".join(lines) + "\n"


def _run(source: str) -> list[tuple[str, tuple[str, ...]]]:
    """Execute the stack's __init__ leniently: a missing attribute reads as 'MISSING'."""
    log: list[tuple[str, tuple[str, ...]]] = []

    def f(label: str, *args: str) -> str:
        log.append((label, args))
        return f"{label}({','.join(args)})"

    class Stack:  # stand-in for aws_cdk.Stack
        def __init__(self, scope: object, construct_id: str) -> None:
            pass

        def __getattr__(self, name: str) -> str:
            if name.startswith("a"):
                return "MISSING"
            raise AttributeError(name)

    fake = types.ModuleType("aws_cdk")
    fake.Stack = Stack  # type: ignore[attr-defined]
    saved = sys.modules.get("aws_cdk")
    sys.modules["aws_cdk"] = fake
    try:
        namespace: dict = {"f": f}
        exec(compile(source, "generated.py", "exec"), namespace)
        namespace["Generated"](None, "G")
    finally:
        if saved is not None:
            sys.modules["aws_cdk"] = saved
        else:
            del sys.modules["aws_cdk"]
    return log


def _by_label(log: list[tuple[str, tuple[str, ...]]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for label, args in log:
        out.setdefault(label, []).append(args)
    return out


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(_stacks())
def test_cdk110_moves_never_change_a_defined_value(source: str) -> None:
    rule = rule_by_code("CDK110")
    assert rule is not None
    result = process_source(source.encode(), "generated.py", [rule()], RunOptions(fix=True))
    assert not result.errors, result.errors
    if result.fixed is None:
        return
    fixed = result.fixed.decode()
    before, after = _run(source), _run(fixed)
    b, a = _by_label(before), _by_label(after)
    assert set(b) == set(a), "the fix changed which code runs"
    for label, calls in b.items():
        assert len(calls) == len(a[label]), label
        for args_before, args_after in zip(calls, a[label]):
            for x, y in zip(args_before, args_after):
                if "MISSING" not in x:
                    assert x == y, f"{label}: {x!r} became {y!r}\n--- before\n{source}--- after\n{fixed}"
    # reads that found no attribute (a value merely built from such a read is not one)
    missing_before = sum(x == "MISSING" for _, args in before for x in args)
    missing_after = sum(x == "MISSING" for _, args in after for x in args)
    assert missing_after < missing_before, f"a move fixed nothing\n{source}---\n{fixed}"


# --------------------------------------------------------------------------------------------------
# CDK111 and cdk.json: flags there reach the app through the CLI's context and fail synth the same
# way; they are reported at the App() call, and the JSON file is left alone.

def test_cdk111_reports_cdk_json_flags_without_editing(tmp_path) -> None:
    import json as _json
    import subprocess

    (tmp_path / "app.py").write_text("import aws_cdk as cdk\n\napp = cdk.App()\ncdk.Stack(app, 'S')\napp.synth()\n")
    cdk_json = {"app": "python3 app.py", "context": {"@aws-cdk/core:enableStackNameDuplicates": "true",
                                                    "@aws-cdk/aws-iam:minimizePolicies": True}}
    (tmp_path / "cdk.json").write_text(_json.dumps(cdk_json, indent=2))
    before = (tmp_path / "cdk.json").read_bytes()
    run = subprocess.run([sys.executable, "-m", "remediator", "check", "--format", "json", "--select", "CDK111",
                          "."], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    findings = _json.loads(run.stdout)
    assert [(f["code"], f["line"], f["fixable"]) for f in findings] == [("CDK111", 3, False)], findings
    assert "@aws-cdk/core:enableStackNameDuplicates" in findings[0]["message"]
    assert "minimizePolicies" not in findings[0]["message"]
    fixed = subprocess.run([sys.executable, "-m", "remediator", "fix", "--no-changelog", "--select", "CDK111", "."],
                           cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert fixed.returncode in (0, 1), fixed.stderr
    assert (tmp_path / "cdk.json").read_bytes() == before
