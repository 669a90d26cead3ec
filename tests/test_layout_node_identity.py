"""Only calls an edit replaced are re-laid out, never a call that merely reuses the memory (the
``id()``) of an intermediate node an earlier edit produced and dropped."""

from __future__ import annotations

from remediator.analysis.engine import RunOptions, process_source
from remediator.transforms import rule_by_code

SOURCE = '''from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3


def make_logs(stack: Stack) -> None:
    logs_bucket = s3.Bucket(stack, "Logs")
    logs_bucket.apply_removal_policy(RemovalPolicy.DESTROY)  # only the policy's member is edited here
    scratch = s3.Bucket(stack, "Scratch")
    scratch.apply_removal_policy(RemovalPolicy.DESTROY)  # and here: the calls themselves stay on one line
'''


def test_calls_whose_argument_was_edited_keep_their_line() -> None:
    rules = [rule_by_code(code)() for code in ("CDK302", "CDK303", "CDK304")]
    outputs = set()
    for _ in range(40):  # id() reuse depends on the allocator: try often enough to meet it
        result = process_source(SOURCE.encode(), "stack.py", rules, RunOptions(fix=True, settings={"line-length": 80}))
        assert not result.errors, result.errors
        assert result.fixed is not None
        outputs.add(result.fixed.decode())
    assert len(outputs) == 1
    out = outputs.pop()
    assert "    logs_bucket.apply_removal_policy(RemovalPolicy.RETAIN)  # only the policy's" in out
    assert "    scratch.apply_removal_policy(RemovalPolicy.RETAIN)  # and here" in out


def test_a_fix_leaves_the_subtrees_without_edits_as_they_were() -> None:
    """With the tree's parents, applying a fix visits only the paths down to its edits: every other
    statement is the very same node afterwards (a transformer would rebuild each one it visits)."""
    import libcst as cst

    from remediator.analysis.context import FileContext
    from remediator.analysis.edits import Edit, Fix, apply_fixes

    source = ("from aws_cdk import aws_kms as kms\n\n\ndef a(self):\n    kms.Key(self, 'A')\n\n\n"
              "def b(self):\n    kms.Key(self, 'B')\n")
    ctx = FileContext(cst.parse_module(source), "stack.py")
    first, second = ctx.calls
    fix = Fix([Edit.set_keyword(first, "enable_key_rotation", "True")])
    for parent in (ctx.parent, None):
        new, deferred = apply_fixes(ctx.module, [fix], None, parent)
        assert not deferred and "kms.Key(self, 'A', enable_key_rotation=True)" in new.code
        assert new.code.endswith("kms.Key(self, 'B')\n")
        untouched = new.body[2] is ctx.module.body[2]  # def b
        assert untouched == (parent is not None)
