"""A fix as text replacements (``Diagnostic.edits``): applying them gives exactly the fixed text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from remediator.analysis.edits import TextEdit, text_edits
from remediator.analysis.engine import RunOptions, process_source
from remediator.transforms import all_rules


def apply(text: str, edits: list[TextEdit]) -> str:
    """Apply edits given in ``text``'s coordinates (1-based rows and columns, lines end at ``\\n``)."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def offset(row: int, column: int) -> int:
        assert 1 <= row <= len(starts), (row, len(starts))
        end = starts[row] - 1 if row < len(starts) else len(text)  # the line's end (before its newline)
        at = starts[row - 1] + column - 1
        assert starts[row - 1] <= at <= end, (row, column)
        return at

    spans = [(offset(e.line, e.column), offset(e.end_line, e.end_column), e.content) for e in edits]
    assert all(a <= b for a, b, _ in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1)), "edits overlap or are out of order"
    for a, b, content in reversed(spans):
        text = text[:a] + content + text[b:]
    return text


CHARS = st.text(alphabet="ab_ \n\r(=)é😋", max_size=40)


@settings(max_examples=300, deadline=None)
@given(CHARS, CHARS)
def test_the_edits_turn_the_old_text_into_the_new(old: str, new: str) -> None:
    assert apply(old, text_edits(old, new)) == new


def test_edits_are_narrow_and_keep_whole_words() -> None:
    assert text_edits("k = Key(self, 'K')\n", "k = Key(self, 'K', enable_key_rotation=True)\n") == [
        TextEdit(1, 18, 1, 18, ", enable_key_rotation=True")]
    assert text_edits("Key(x=False)\n", "Key(x=True)\n") == [TextEdit(1, 7, 1, 12, "True")]
    assert text_edits("import a\n\nx = 1\ny(2)\n", "import a\nimport b\n\nx = 1\ny(3)\n") == [
        TextEdit(2, 1, 2, 1, "import b\n"), TextEdit(4, 3, 4, 4, "3")]


STACK = '''\
from aws_cdk import Stack, RemovalPolicy, aws_kms as kms, aws_s3 as s3


class Storage(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        kms.Key(self, "Key", enable_key_rotation=False)
        s3.Bucket(
            self,
            "Data",
            removal_policy=RemovalPolicy.DESTROY,
        )
'''


def test_each_findings_edits_are_its_fix_alone() -> None:
    """The edits of a finding, applied to the checked text, give what fixing that one rule gives."""
    # the rules with one finding each in STACK (CDK501 has two: an output per resource)
    rules = {r.code: r for r in all_rules() if r.code in ("CDK301", "CDK302", "CDK303", "CDK304")}
    checked = process_source(STACK.encode(), "stack.py", [r() for r in rules.values()], RunOptions(fix_edits=True))
    assert {d.code for d in checked.diagnostics} >= {"CDK301", "CDK302", "CDK303", "CDK304"}
    for d in checked.diagnostics:
        assert d.edits, d
        alone = process_source(STACK.encode(), "stack.py", [rules[d.code]()], RunOptions(fix=True))
        assert len(alone.applied) == 1, d  # the rule has this one finding here
        assert apply(STACK, d.edits) == alone.fixed.decode(), d.code
    # plain runs never compute them
    plain = process_source(STACK.encode(), "stack.py", [r() for r in all_rules()], RunOptions())
    assert all(d.edits is None for d in plain.diagnostics)


def test_a_keyword_finding_spans_the_keyword() -> None:
    checked = process_source(STACK.encode(), "stack.py", [r() for r in all_rules()], RunOptions())
    by_code = {d.code: d for d in checked.diagnostics}
    lines = STACK.splitlines()
    kms = by_code["CDK301"]
    assert lines[kms.line - 1][kms.column - 1:kms.end_column - 1] == "enable_key_rotation=False"
    retain = by_code["CDK304"]
    assert (retain.line, retain.end_line) == (11, 11)
    assert lines[10][retain.column - 1:retain.end_column - 1] == "removal_policy=RemovalPolicy.DESTROY"
    bucket = by_code["CDK303"]  # nothing written to point at: the call, from its first line to its last
    assert (bucket.line, bucket.column, bucket.end_line, bucket.end_column) == (8, 9, 12, 10)
