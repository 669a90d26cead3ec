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
