"""Imports a fix needs join the file's own import statements, in the file's style."""

from __future__ import annotations

import libcst as cst
import pytest

from remediator.analysis.edits import add_imports


def added(source: str, *imports: str) -> str:
    return add_imports(cst.parse_module(source), list(imports)).code


def test_a_parenthesized_list_gets_a_line_per_name_classes_before_modules() -> None:
    source = "from aws_cdk import (\n    Stack,\n    aws_s3 as s3,\n)\nfrom constructs import Construct\n"
    assert added(source, "from aws_cdk import CfnOutput", "from aws_cdk import aws_sns as sns") == (
        "from aws_cdk import (\n    Stack,\n    CfnOutput,\n    aws_s3 as s3,\n    aws_sns as sns,\n)\n"
        "from constructs import Construct\n")


def test_a_list_without_trailing_comma_keeps_it_so() -> None:
    source = "from aws_cdk import (\n    Stack,\n    Duration\n)\n"
    assert added(source, "from aws_cdk import Fn") == "from aws_cdk import (\n    Stack,\n    Duration,\n    Fn\n)\n"


@pytest.mark.parametrize("source, imports, expected", [
    # a one-line list of classes takes a class while it stays short
    ("from aws_cdk import Stack, Tags\n", ["from aws_cdk import Fn"], "from aws_cdk import Stack, Tags, Fn\n"),
    # ... not a module: that gets its own statement, next to the aws_cdk imports
    ("from aws_cdk import Stack, Tags\n", ["from aws_cdk import aws_sns as sns"],
     "from aws_cdk import Stack, Tags\nfrom aws_cdk import aws_sns as sns\n"),
    # one name per statement: the file's style
    ("from aws_cdk import Stack\nx = 1\n", ["from aws_cdk import Fn"], "from aws_cdk import Stack\nfrom aws_cdk import Fn\nx = 1\n"),
    # a name already there is not imported twice
    ("from aws_cdk import (\n    Fn,\n    Stack,\n)\n", ["from aws_cdk import Fn"], "from aws_cdk import (\n    Fn,\n    Stack,\n)\n"),
])
def test_one_line_statements(source: str, imports: list[str], expected: str) -> None:
    assert added(source, *imports) == expected


def test_a_long_one_line_statement_is_left_as_it_is() -> None:
    source = "from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack, Tags, Aspects, SecretValue\n"
    assert added(source, "from aws_cdk import Fn") == source + "from aws_cdk import Fn\n"
