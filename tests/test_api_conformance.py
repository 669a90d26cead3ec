"""Every CDK1xx edit in the golden set makes calls the aws-cdk-lib API index accepts.

For each golden case of an API-repair rule (and each seed stack), the calls in the expected output
are matched against the bundled index (positional count, keyword names, keyword-only parameters,
required arguments). A mismatch the input did not already have is a fix that type-checks badly.
"""

from __future__ import annotations

import os

import libcst as cst
import pytest

from golden_support import BUNDLED_API, Case, rule_cases
from remediator.analysis.api_check import call_params, call_problems, new_problems
from remediator.analysis.context import FileContext

GOLDEN = os.path.join(os.path.dirname(__file__), os.pardir, "golden")
API_CASES = [c for c in rule_cases(GOLDEN) if os.path.basename(c.folder).startswith("CDK1")]
SEEDS = os.path.join(GOLDEN, "seeds")


def _context(path: str) -> FileContext:
    with open(path, encoding="utf-8") as fh:
        return FileContext(cst.parse_module(fh.read()), "stack.py", api=BUNDLED_API)


def _seed_pairs() -> list[tuple[str, str, str]]:
    """Each seed app's Python files, as drafted and as fixed (safe, then with --unsafe-fixes)."""
    out = []
    for seed in sorted(os.listdir(SEEDS)):
        drafted = os.path.join(SEEDS, seed, "input")
        for name in sorted(os.listdir(drafted)) if os.path.isdir(drafted) else []:
            for fixed in ("expected", "expected-unsafe"):
                path = os.path.join(SEEDS, seed, fixed, name)
                if name.endswith(".py") and os.path.exists(path):
                    out.append((f"seeds/{seed}/{fixed}/{name}", os.path.join(drafted, name), path))
    return out


PAIRS = [(c.id, c.input, c.expected) for c in API_CASES] + _seed_pairs()


@pytest.mark.parametrize("case_id,input_path,expected_path", PAIRS, ids=[p[0] for p in PAIRS])
def test_fixed_calls_match_the_api(case_id: str, input_path: str, expected_path: str) -> None:
    before, after = _context(input_path), _context(expected_path)
    assert new_problems(before, after) == [], case_id


def test_the_golden_set_exercises_the_check() -> None:
    """The check above is only as good as the calls it can type: most aws-cdk-lib calls in the
    expected outputs of the API-repair cases must be resolved to their parameters."""
    resolved = changed = 0
    for case in API_CASES:
        ctx = _context(case.expected)
        resolved += sum(1 for call in ctx.calls if call_params(ctx, call) is not None)
        with open(case.input, "rb") as a, open(case.expected, "rb") as b:
            changed += a.read() != b.read()
    assert changed >= 80, changed
    assert resolved >= 600, resolved


@pytest.mark.parametrize("code,problem", [
    ("import aws_cdk.aws_cloudwatch as cw\nm = cw.Metric(namespace='N', metric_name='M')\nm.with_('p99')\n",
     "`aws_cloudwatch.Metric.with_` takes 0 positional arguments, 1 given"),
    ("from aws_cdk import aws_apigateway as apigw\ndef f(api: apigw.RestApi):\n    api.metric()\n",
     "`aws_apigateway.RestApi.metric` is missing `metric_name`"),
    ("from aws_cdk import aws_sqs as sqs\nsqs.Queue(self, 'Q', retention=1)\n",
     "`aws_sqs.Queue` takes no keyword `retention`"),
])
def test_the_check_catches_calls_the_api_rejects(code: str, problem: str) -> None:
    ctx = FileContext(cst.parse_module(code), "stack.py", api=BUNDLED_API)
    empty = FileContext(cst.parse_module(""), "stack.py", api=BUNDLED_API)
    assert problem in new_problems(empty, ctx)
    assert new_problems(ctx, ctx) == []


def test_star_arguments_are_not_judged() -> None:
    ctx = FileContext(cst.parse_module("from aws_cdk import aws_sqs as sqs\nsqs.Queue(self, 'Q', **props)\n"),
                      "stack.py", api=BUNDLED_API)
    call = ctx.calls[0]
    found = call_params(ctx, call)
    assert found is not None and found[0] == "aws_sqs.Queue"
    assert call_problems(call, found[1]) == []


def test_a_required_argument_missing_as_written_is_revealed_not_introduced() -> None:
    """``aws_apigw.AccessLogFormat.json_with_standard_fields()`` already lacked its nine required
    arguments; renaming the module makes the call known, it does not make it wrong. A keyword the
    rename makes unknown still counts."""
    def ctx(code: str) -> FileContext:
        return FileContext(cst.parse_module(code), "stack.py", api=BUNDLED_API)

    call = "apigw.AccessLogFormat.json_with_standard_fields({})\n"
    before = "from aws_cdk import aws_apigw as apigw\n" + call
    after = "from aws_cdk import aws_apigateway as apigw\n" + call
    assert new_problems(ctx(before.format("")), ctx(after.format(""))) == []
    assert new_problems(ctx(before.format("colour=True")), ctx(after.format("colour=True"))) != []
    # the same call written anew by a fix is judged in full
    assert new_problems(ctx(after.format("caller=True")), ctx(after.format(""))) != []


def _sloppy_rule():
    """A throwaway API-repair rule: rewrites `m.with_statistic(x)` as `m.with_(x)` (wrong: `with_`
    takes keywords only) and `m.with_period(x)` as `m.with_(period=x)` (right)."""
    from remediator.analysis.rule import Edit, Rule, Tier

    class Sloppy(Rule):
        code, name, tier = "CDK977", "test-sloppy", Tier.SAFE
        summary = "test"
        checks_api = True

        def check_module(self, ctx):
            for call in ctx.calls:
                if isinstance(call.func, cst.Attribute) and call.func.attr.value in ("with_statistic", "with_period"):
                    value = ctx.module.code_for_node(call.args[0].value)
                    receiver = ctx.module.code_for_node(call.func.value)
                    arg = value if call.func.attr.value == "with_statistic" else f"period={value}"
                    yield self.finding(call, "sloppy", fix=Edit.replace_with(call, f"{receiver}.with_({arg})"))

    return Sloppy()


@pytest.mark.parametrize("both", [True, False])
def test_a_fix_the_api_rejects_is_reported_not_applied(both: bool) -> None:
    """Checked together first, then one by one: the bad rewrite is dropped with the reason, the good
    one (when present) still applied."""
    from remediator.analysis.engine import RunOptions, process_source

    source = ("from aws_cdk import Duration, aws_cloudwatch as cw\n"
              "m = cw.Metric(namespace='N', metric_name='M')\n"
              "a = m.with_statistic('p99')\n" + ("b = m.with_period(Duration.minutes(1))\n" if both else ""))
    result = process_source(source.encode(), "stack.py", [_sloppy_rule()], RunOptions(fix=True, api=BUNDLED_API))
    fixed = (result.fixed or result.original).decode()
    assert "a = m.with_statistic('p99')" in fixed
    rejected = [d for d in result.diagnostics if "not fixed: the result would not match the API" in d.message]
    assert len(rejected) == 1 and "takes 0 positional arguments, 1 given" in rejected[0].message
    if both:
        assert "b = m.with_(period=Duration.minutes(1))" in fixed and len(result.applied) == 1
