"""The per-file engine: import map, suppressions, the fix loop, composing edits, reverting bad fixes,
adding imports, and the layout-keeping edit helpers. Throwaway rules defined here exercise the
engine without depending on the rules in transforms/."""

from __future__ import annotations

from typing import ClassVar, Iterator

import libcst as cst
import pytest

from remediator.analysis import edits as E
from remediator.analysis.context import ConstructCall, FileContext
from remediator.analysis.engine import MAX_PASSES, RunOptions, process_source
from remediator.analysis.imports import build_import_map
from remediator.analysis.rule import Edit, Finding, Rule, Tier
from remediator.transforms import rule_by_code

KMS = rule_by_code("CDK301")
assert KMS is not None
FIX = RunOptions(fix=True)
CHECK = RunOptions(fix=False)


def run(source: str | bytes, *rules: Rule, options: RunOptions = FIX):
    data = source.encode() if isinstance(source, str) else source
    return process_source(data, "stack.py", list(rules), options)


def output(result) -> str:
    return (result.fixed if result.fixed is not None else result.original).decode()


# ----------------------------------------------------------------------------------------------
# import map


@pytest.mark.parametrize("imports, expr, qualname", [
    ("from aws_cdk import aws_s3 as s3", "s3.Bucket", "aws_cdk.aws_s3.Bucket"),
    ("from aws_cdk import aws_s3", "aws_s3.Bucket", "aws_cdk.aws_s3.Bucket"),
    ("import aws_cdk as cdk", "cdk.aws_s3.Bucket", "aws_cdk.aws_s3.Bucket"),
    ("from aws_cdk.aws_s3 import Bucket", "Bucket", "aws_cdk.aws_s3.Bucket"),
    ("from aws_cdk.aws_s3 import Bucket as B", "B", "aws_cdk.aws_s3.Bucket"),
    ("import aws_cdk.aws_s3 as s3", "s3.Bucket", "aws_cdk.aws_s3.Bucket"),
    ("import aws_cdk", "aws_cdk.aws_s3.Bucket", "aws_cdk.aws_s3.Bucket"),
    ("import aws_cdk.aws_s3", "aws_cdk.aws_s3.Bucket", "aws_cdk.aws_s3.Bucket"),
    ("from aws_cdk import aws_lambda as lambda_", "lambda_.Function", "aws_cdk.aws_lambda.Function"),
    ("from aws_cdk import aws_lambda as _lambda", "_lambda.Function", "aws_cdk.aws_lambda.Function"),
    ("from aws_cdk import (\n    Stack,\n    aws_kms as kms,\n)", "kms.Key", "aws_cdk.aws_kms.Key"),
    ("from aws_cdk import Stack, RemovalPolicy", "RemovalPolicy.DESTROY", "aws_cdk.RemovalPolicy.DESTROY"),
    ("from aws_cdk import aws_s3 as s3", "s3.BlockPublicAccess.BLOCK_ALL", "aws_cdk.aws_s3.BlockPublicAccess.BLOCK_ALL"),
    ("def f():\n    from aws_cdk import aws_s3 as s3", "s3.Bucket", "aws_cdk.aws_s3.Bucket"),
    ("class C:\n    def f(self):\n        import aws_cdk.aws_s3 as s3", "s3.Bucket", "aws_cdk.aws_s3.Bucket"),
    ("from constructs import Construct", "Construct", "constructs.Construct"),
    # not ours
    ("import boto3 as s3", "s3.Bucket", None),
    ("from aws_cdk import aws_s3 as s3", "bucket.Bucket", None),
    ("from . import aws_cdk", "aws_cdk.aws_s3.Bucket", None),
    ("from .aws_cdk import aws_s3", "aws_s3.Bucket", None),
    ("import aws_cdk_helpers as cdk", "cdk.aws_s3.Bucket", None),
    ("from aws_cdk import aws_s3 as s3", "s3.Bucket().grant_read", None),
])
def test_import_map_resolution(imports: str, expr: str, qualname: str | None) -> None:
    imap = build_import_map(cst.parse_module(imports + "\n"))
    assert imap.resolve(cst.parse_expression(expr)) == qualname


def test_import_map_calls_resolved_in_a_file() -> None:
    src = ("import aws_cdk as cdk\nfrom aws_cdk import aws_kms as kms\nfrom aws_cdk.aws_kms import Key\n"
           "import aws_cdk.aws_kms as k2\n\n\ndef build(scope):\n    from aws_cdk import aws_kms as inner\n"
           "    inner.Key(scope, 'E')\n\n\n"
           "kms.Key(None, 'A')\ncdk.aws_kms.Key(None, 'B')\nKey(None, 'C')\nk2.Key(None, 'D')\nkms.Alias(None, 'X')\n")
    ctx = FileContext(cst.parse_module(src), "x.py")
    ids = [c.construct_id for c in ctx.calls_of(["aws_cdk.aws_kms.Key"])]
    assert sorted(ids) == ["A", "B", "C", "D", "E"]
    assert ctx.imports.imports_cdk


def test_import_map_alias_for_prefers_shortest_spelling() -> None:
    imap = build_import_map(cst.parse_module(
        "import aws_cdk as cdk\nfrom aws_cdk import aws_s3 as s3\nfrom aws_cdk.aws_s3 import BlockPublicAccess\n"))
    assert imap.alias_for("aws_cdk.aws_s3.BlockPublicAccess") == "BlockPublicAccess"
    assert imap.alias_for("aws_cdk.aws_s3.BlockPublicAccess.BLOCK_ALL") == "BlockPublicAccess.BLOCK_ALL"
    assert imap.alias_for("aws_cdk.aws_s3.Bucket") == "s3.Bucket"
    assert imap.alias_for("aws_cdk.Duration") == "cdk.Duration"
    assert imap.alias_for("aws_cdk.aws_sqs.Queue") == "cdk.aws_sqs.Queue"
    assert build_import_map(cst.parse_module("import os\n")).alias_for("aws_cdk.Duration") is None


# ----------------------------------------------------------------------------------------------
# suppressions

HEAD = "from aws_cdk import Stack, aws_kms as kms\n\n\nclass S(Stack):\n    def build(self) -> None:\n"


@pytest.mark.parametrize("body, suppressed", [
    ('        kms.Key(self, "A")  # remediator: ignore[CDK301]\n', True),
    ('        kms.Key(self, "A")  # remediator: ignore\n', True),
    ('        kms.Key(self, "A")  #remediator:ignore[cdk301]\n', True),
    ('        kms.Key(self, "A")  # remediator: ignore[kms-key-rotation]\n', True),
    ('        kms.Key(self, "A")  # remediator: ignore[CDK302, CDK301]\n', True),
    ('        # remediator: ignore[CDK301]\n        kms.Key(self, "A")\n', True),
    ('        # remediator: ignore\n        kms.Key(self, "A")\n', True),
    ('        # remediator: ignore[CDK301]\n        key = kms.Key(\n            self,\n            "A",\n        )\n', True),
    ('        key = kms.Key(\n            self,\n            "A",\n        )  # remediator: ignore[CDK301]\n', True),
    ('        kms.Key(self, "A")  # remediator: ignore[CDK302]\n', False),
    ('        kms.Key(self, "A")  # remediator: ignore[CDK30]\n', False),
    ('        # remediator: ignore[CDK302]\n        kms.Key(self, "A")\n', False),
    ('        x = 1  # remediator: ignore[CDK301]\n        kms.Key(self, "A")\n', False),  # not alone on its line
    ('        # remediator: ignore[CDK301]\n\n        kms.Key(self, "A")\n', False),  # not directly above
    ('        kms.Key(self, "A")  # noqa: CDK301\n', False),
])
def test_suppressions(body: str, suppressed: bool) -> None:
    src = HEAD + body
    checked = run(src, KMS(), options=CHECK)
    assert [d.code for d in checked.diagnostics] == ([] if suppressed else ["CDK301"])
    fixed = run(src, KMS())
    assert (fixed.fixed is None) is suppressed
    assert not checked.errors and not fixed.errors


def test_suppression_applies_to_its_own_call_only() -> None:
    src = HEAD + '        kms.Key(self, "A")  # remediator: ignore[CDK301]\n        kms.Key(self, "B")\n'
    result = run(src, KMS())
    assert output(result) == HEAD + ('        kms.Key(self, "A")  # remediator: ignore[CDK301]\n'
                                     '        kms.Key(self, "B", enable_key_rotation=True)\n')


@pytest.mark.parametrize("where", ["# remediator: skip-file\n" + HEAD, HEAD + "        pass\n# remediator: skip-file\n"])
def test_skip_file(where: str) -> None:
    src = where + '        kms.Key(self, "A")\n'
    result = run(src, KMS())
    assert result.skipped == "remediator: skip-file"
    assert result.fixed is None and result.diagnostics == []


def test_unused_suppressions_are_warned_about() -> None:
    src = HEAD + ('        kms.Key(self, "A", enable_key_rotation=True)  # remediator: ignore[CDK301]\n'
                  '        kms.Key(self, "B")  # remediator: ignore[CDK301]\n'
                  '        # remediator: ignore[kms-key-rotation]\n'
                  '        x = 1\n'
                  '        y = 2  # remediator: ignore[CDK302]\n'  # CDK302 did not run: not judged
                  '        z = 3  # remediator: ignore\n')  # bare: may be meant for other rules
    result = run(src, KMS(), options=CHECK)
    assert result.diagnostics == []
    assert result.warnings == [
        "line 6: unused suppression `# remediator: ignore[CDK301]` (no such finding on this line)",
        "line 8: unused suppression `# remediator: ignore[kms-key-rotation]` (no such finding on this line)",
    ]
    assert run(src, KMS()).warnings == result.warnings  # the same after a fix run (nothing to fix)


# ----------------------------------------------------------------------------------------------
# throwaway rules


class Toggle(Rule):
    """Never satisfied: flips `enable_key_rotation` on every pass."""

    code, name, tier = "CDK971", "test-toggle", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        value = "False" if call.is_true("enable_key_rotation") else "True"
        yield self.finding(call, "toggle", fix=call.set_keyword("enable_key_rotation", value))


class Counter(Rule):
    """Converges after three passes: raises `pending_window` 1 -> 2 -> 3."""

    code, name, tier = "CDK972", "test-counter", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        n = call.literal("pending_window", 0)
        if n < 3:
            yield self.finding(call, "count", fix=call.set_keyword("pending_window", str(n + 1)))


class Counting(Rule):
    """Base of rules that count how often they were asked (to count passes)."""

    calls: ClassVar[int] = 0

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        type(self).calls += 1
        yield from self.findings(call)

    def findings(self, call: ConstructCall) -> Iterator[Finding]:
        return iter(())


class SetAlias(Counting):
    code, name, tier = "CDK973", "test-alias", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def findings(self, call: ConstructCall) -> Iterator[Finding]:
        if not call.has("alias"):
            yield self.finding(call, "alias", fix=call.set_keyword("alias", '"alias/data"'))


class SetDescription(Counting):
    code, name, tier = "CDK974", "test-description", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def findings(self, call: ConstructCall) -> Iterator[Finding]:
        if not call.has("description"):
            yield self.finding(call, "description", fix=call.set_keyword("description", '"data"'))


class UpperDescription(Rule):
    """Edits a node nested inside the call that other rules edit."""

    code, name, tier = "CDK975", "test-upper", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        value = call.value("description")
        if isinstance(value, cst.SimpleString) and value.value != value.value.upper():
            yield self.finding(call, "upper", fix=Edit(value, replace=lambda n: n.with_changes(value=n.value.upper())))


class DuplicateKeyword(Rule):
    """Broken fix: appends a keyword that is already there (a SyntaxError when compiled)."""

    code, name, tier = "CDK976", "test-duplicate", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has("description"):
            yield self.finding(call, "dup", fix=Edit(call.node, replace=lambda n: E.append_arg(
                n, E.make_arg("description", '"again"'))))


class Unparsable(Rule):
    """Broken fix: produces text that does not even parse."""

    code, name, tier = "CDK977", "test-unparsable", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        yield self.finding(call, "bad", fix=Edit(call.node, replace=lambda n: n.with_changes(
            func=cst.Attribute(cst.Name("kms"), cst.Name("lambda")))))  # `kms.lambda(...)`


class PendingWindow(Rule):
    """Needs an import: `Duration`."""

    code, name, tier = "CDK978", "test-pending", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if not call.has("pending_window"):
            yield self.finding(call, "pending", fix=call.set_keyword("pending_window", "`aws_cdk.Duration`.days(7)"))


class RemovalPolicyRule(Rule):
    """Needs another import from the same module: `RemovalPolicy` (and `Duration` via PendingWindow)."""

    code, name, tier = "CDK979", "test-removal", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if not call.has("removal_policy"):
            yield self.finding(call, "removal", fix=call.set_keyword("removal_policy",
                                                                      "`aws_cdk.RemovalPolicy`.RETAIN"))


class Crashing(Rule):
    code, name, tier = "CDK980", "test-crash", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        raise KeyError("bug in a rule")


class MisplacedInsert(Rule):
    """An edit that cannot be applied (statements inserted next to an expression)."""

    code, name, tier = "CDK970", "test-misplaced", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        yield self.finding(call, "misplaced", fix=Edit(call.node, after=E.parse_statements("x = 1")))


ONE = HEAD + '        kms.Key(self, "A")\n'


# ----------------------------------------------------------------------------------------------
# the fix loop


def test_fix_loop_cap_reports_failed_to_converge_naming_the_rules() -> None:
    result = run(ONE, Toggle())
    assert result.fixed is None and result.fixed_counts == {}
    assert result.errors == [f"failed to converge after {MAX_PASSES} passes (rules still fixing: CDK971)"]
    assert output(result) == ONE
    # two rules fighting over one keyword: both are named
    fight = run(ONE, Toggle(), KMS())
    assert fight.fixed is None
    assert fight.errors == [f"failed to converge after {MAX_PASSES} passes (rules still fixing: CDK301, CDK971)"]
    # checking alone reports the finding and no error
    assert [d.code for d in run(ONE, Toggle(), options=CHECK).diagnostics] == ["CDK971"]


def test_failed_to_converge_through_the_cli_leaves_the_file_alone(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import remediator.runner
    from remediator.cli import main
    from remediator.transforms import all_rules

    monkeypatch.setattr(remediator.runner, "all_rules", lambda: (*all_rules(), Toggle))
    (tmp_path / "bad.py").write_text(ONE)
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["fix", "--select", "CDK301,CDK971", "bad.py"], catch_exceptions=False)
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [
        f"bad.py: error: failed to converge after {MAX_PASSES} passes (rules still fixing: CDK301, CDK971)",
        "Fixed 0 findings in 0 files (0 remaining)", "1 file could not be fixed (see the errors)."]
    assert (tmp_path / "bad.py").read_text() == ONE
    assert not (tmp_path / "CHANGELOG.md").exists()


def test_fix_loop_runs_to_a_fixpoint_within_the_cap() -> None:
    result = run(ONE, Counter(), KMS())
    assert result.errors == []
    assert output(result) == HEAD + '        kms.Key(self, "A", pending_window=3, enable_key_rotation=True)\n'
    assert result.fixed_counts == {"CDK972": 3, "CDK301": 1}
    assert result.diagnostics == []


def test_two_edits_on_the_same_call_compose_in_one_pass() -> None:
    SetAlias.calls = SetDescription.calls = 0
    result = run(ONE, SetAlias(), SetDescription())
    assert result.errors == [] and result.warnings == []
    assert output(result) == HEAD + '        kms.Key(self, "A", alias="alias/data", description="data")\n'
    assert result.fixed_counts == {"CDK973": 1, "CDK974": 1}
    # pass 1 found and fixed both, pass 2 found nothing: each rule was asked exactly twice
    assert (SetAlias.calls, SetDescription.calls) == (2, 2)


def test_nested_edits_compose() -> None:
    src = HEAD + '        kms.Key(self, "A", description="data")\n'
    result = run(src, UpperDescription(), SetAlias(), KMS())
    assert output(result) == HEAD + ('        kms.Key(self, "A", description="DATA", alias="alias/data", '
                                     'enable_key_rotation=True)\n')
    assert result.fixed_counts == {"CDK975": 1, "CDK973": 1, "CDK301": 1}


@pytest.mark.parametrize("rule, rule_code", [(DuplicateKeyword, "CDK976"), (Unparsable, "CDK977")])
def test_fix_producing_invalid_code_reverts_the_file(rule: type[Rule], rule_code: str) -> None:
    src = HEAD + '        kms.Key(self, "A", description="d")\n'
    result = run(src, rule(), KMS())
    assert result.fixed is None and result.fixed_counts == {}
    assert len(result.errors) == 1
    assert result.errors[0].startswith("fix produced invalid code (")
    assert f"fixes of CDK301, {rule_code} not applied, file left unchanged" in result.errors[0]


def test_rule_crash_is_reported_and_the_file_left_alone() -> None:
    result = run(ONE, KMS(), Crashing())
    assert result.fixed is None
    assert len(result.errors) == 1 and result.errors[0].startswith("internal error: KeyError: 'bug in a rule'")


def test_edit_that_cannot_apply_is_deferred_and_reported_not_dropped_silently() -> None:
    result = run(ONE, MisplacedInsert())
    assert result.errors == [] and result.fixed is None
    assert result.warnings == ["could not apply the fixes of CDK970"]
    assert [d.code for d in result.diagnostics] == ["CDK970"]  # still reported as remaining
    both = run(ONE, MisplacedInsert(), KMS())  # the other rule's fix still goes in
    assert output(both) == HEAD + '        kms.Key(self, "A", enable_key_rotation=True)\n'
    assert [d.code for d in both.diagnostics] == ["CDK970"]
    assert both.warnings == ["could not apply the fixes of CDK970"]


# ----------------------------------------------------------------------------------------------
# imports added by fixes


def test_imports_added_once_for_several_fixes() -> None:
    src = ('"""Stacks."""\nfrom __future__ import annotations\n\nfrom aws_cdk import Stack, aws_kms as kms\n\n\n'
           'class S(Stack):\n    def build(self) -> None:\n        kms.Key(self, "A")\n        kms.Key(self, "B")\n')
    result = run(src, PendingWindow(), RemovalPolicyRule())
    out = output(result)
    # joined to the file's own `from aws_cdk import` list (classes before modules), once each
    assert out.startswith('"""Stacks."""\nfrom __future__ import annotations\n\n'
                          "from aws_cdk import Stack, Duration, RemovalPolicy, aws_kms as kms\n\n")
    assert out.count("pending_window=Duration.days(7), removal_policy=RemovalPolicy.RETAIN)") == 2
    assert result.fixed_counts == {"CDK978": 2, "CDK979": 2}
    compile(out, "x.py", "exec")


def test_existing_alias_is_reused() -> None:
    src = ("import aws_cdk as cdk\nfrom aws_cdk import aws_kms as kms\n\n"
           'kms.Key(None, "A")\n')
    out = output(run(src, PendingWindow()))
    assert out == 'import aws_cdk as cdk\nfrom aws_cdk import aws_kms as kms\n\nkms.Key(None, "A", pending_window=cdk.Duration.days(7))\n'


def test_import_not_shadowing_a_local_name() -> None:
    src = ("from aws_cdk import aws_kms as kms\n\nDuration = 5\n\n"
           'kms.Key(None, "A")\n')
    out = output(run(src, PendingWindow()))
    assert "import aws_cdk\n" in out and "pending_window=aws_cdk.Duration.days(7)" in out
    assert "Duration = 5" in out


# ----------------------------------------------------------------------------------------------
# bytes in, bytes out


def test_encoding_newlines_and_bom_are_kept() -> None:
    latin = ("# -*- coding: latin-1 -*-\n# Schlüssel\nfrom aws_cdk import aws_kms as kms\n"
             'kms.Key(None, "K")\n').encode("latin-1")
    out = run(latin, KMS()).fixed
    assert out == latin.replace(b'"K")', b'"K", enable_key_rotation=True)')
    crlf = b'from aws_cdk import aws_kms as kms\r\n\r\nkms.Key(\r\n    None,\r\n    "K",\r\n)\r\n'
    assert run(crlf, KMS()).fixed == crlf.replace(b'"K",\r\n', b'"K",\r\n    enable_key_rotation=True,\r\n')
    bom = "\ufefffrom aws_cdk import aws_kms as kms\n# ü\nkms.Key(None, 'K')\n".encode()
    assert run(bom, KMS()).fixed == bom.replace(b"'K')", b"'K', enable_key_rotation=True)")
    tabs = b"from aws_cdk import aws_kms as kms\nif True:\n\tkms.Key(None, 'K')\n"
    assert run(tabs, KMS()).fixed == tabs.replace(b"'K')", b"'K', enable_key_rotation=True)")


def test_unreadable_sources_are_errors() -> None:
    assert run(b"from aws_cdk import x\n\x00\n", KMS()).errors == ["binary file (contains NUL bytes)"]
    syntax = run("from aws_cdk import aws_kms as kms\nkms.Key(None, 'K'\n", KMS())
    assert syntax.errors == ["syntax error at line 2, column 8: '(' was never closed"]
    bad = run(b"# -*- coding: utf-8 -*-\nfrom aws_cdk import x\ns = '\xff'\n", KMS())
    assert len(bad.errors) == 1 and bad.errors[0].startswith(("cannot decode file", "syntax error"))


def test_modern_syntax_is_read() -> None:
    src = HEAD + ('        match self:\n            case _:\n                kms.Key(self, "A")\n'
                  '        try:\n            pass\n        except* ValueError:\n            pass\n')
    result = run(src, KMS())
    assert result.errors == []
    assert 'kms.Key(self, "A", enable_key_rotation=True)' in output(result)


# ----------------------------------------------------------------------------------------------
# edit helpers keep layouts


def code(node: cst.CSTNode) -> str:
    return cst.parse_module("").code_for_node(node)


def call(src: str) -> cst.Call:
    node = cst.parse_expression(src)
    assert isinstance(node, cst.Call)
    return node


@pytest.mark.parametrize("before, after", [
    ("f(a, b=1)", "f(a, b=1, x=True)"),
    ("f()", "f(x=True)"),
    ("f(a, b=1,)", "f(a, b=1, x=True,)"),
    ("f(**kw)", "f(**kw, x=True)"),
    ("f(\n    a,\n    b=1,\n)", "f(\n    a,\n    b=1,\n    x=True,\n)"),
    ("f(\n    a,\n    b=1\n)", "f(\n    a,\n    b=1,\n    x=True\n)"),
    ("f(\n\ta,\n\tb=1,\n)", "f(\n\ta,\n\tb=1,\n\tx=True,\n)"),
    ("f(\n    a,  # first\n    b=1,  # second\n)", "f(\n    a,  # first\n    b=1,  # second\n    x=True,\n)"),
    ("f(\n    a,  # first\n    b=1  # second\n)", "f(\n    a,  # first\n    b=1,  # second\n    x=True\n)"),
    ("f(a,\n  b=1)", "f(a,\n  b=1,\n  x=True)"),
    ("f(a, b=[\n    1,\n])", "f(a, b=[\n    1,\n], x=True)"),
    ("f(a, x=False)", "f(a, x=True)"),
    ("f(\n    x=False,  # keep me\n    a=1,\n)", "f(\n    x=True,  # keep me\n    a=1,\n)"),
])
def test_set_keyword_keeps_layout(before: str, after: str) -> None:
    out = code(E.set_keyword(call(before), "x", "True"))
    assert out == after
    compile(out, "x", "eval")


@pytest.mark.parametrize("before, after", [
    ("f(a, b=1)", "f(a)"),
    ("f(b=1)", "f()"),
    ("f(b=1, a=2)", "f(a=2)"),
    ("f(a, b=1,)", "f(a,)"),
    ("f(\n    a,\n    b=1,\n)", "f(\n    a,\n)"),
    ("f(\n    a,\n    b=1\n)", "f(\n    a\n)"),
    ("f(\n    b=1,\n    a=2,\n)", "f(\n    a=2,\n)"),
    ("f(\n    a,\n    b=1,\n    c=2,\n)", "f(\n    a,\n    c=2,\n)"),
    ("f(\n    a,  # first\n    b=1,  # second\n)", "f(\n    a,  # first\n)"),
    ("f(\n    a,  # first\n    b=1  # second\n)", "f(\n    a  # first\n)"),
    ("f(\n    a,\n    b=1,  # about b\n    c=2,  # about c\n)", "f(\n    a,\n    c=2,  # about c\n)"),
    ("f(a)", "f(a)"),
])
def test_remove_keyword_keeps_layout(before: str, after: str) -> None:
    out = code(E.remove_keyword(call(before), "b"))
    assert out == after
    compile(out, "x", "eval")


def test_rename_keyword_and_dict_remove_key() -> None:
    assert code(E.rename_keyword(call("f(a, log_format=1)"), "log_format", "logging_format")) == "f(a, logging_format=1)"
    d = cst.parse_expression('{\n    "a": 1,\n    "b": 2,\n}')
    assert isinstance(d, cst.Dict)
    assert code(E.dict_remove_key(d, "b")) == '{\n    "a": 1,\n}'
    d2 = cst.parse_expression('{"a": 1, "b": 2}')
    assert isinstance(d2, cst.Dict)
    assert code(E.dict_remove_key(d2, "b")) == '{"a": 1}'
    assert code(E.dict_remove_key(d2, "a")) == '{"b": 2}'


def test_keyword_rendered_without_spaces_around_equals() -> None:
    assert code(E.make_arg("enable_key_rotation", "True")) == "enable_key_rotation=True"


def test_insert_after_binding_keeps_indentation() -> None:
    src = HEAD + '        key = kms.Key(self, "A")\n        other = 1\n'

    class Grant(Rule):
        code, name, tier = "CDK969", "test-grant", Tier.SAFE
        summary = "test"
        targets = ("aws_cdk.aws_kms.Key",)

        def check(self, c: ConstructCall) -> Iterator[Finding]:
            if "key.grant_decrypt" not in c.ctx.source:
                yield self.finding(c, "grant", fix=c.insert_after(f"{c.binding}.grant_decrypt(role)"))

    out = output(run(src, Grant()))
    assert out == HEAD + '        key = kms.Key(self, "A")\n        key.grant_decrypt(role)\n        other = 1\n'
