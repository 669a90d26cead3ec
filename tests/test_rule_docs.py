"""Rule documentation that runs: every rule's *Example* and *Use instead* are golden cases.

As Fixit runs its rules' VALID/INVALID examples, each rule's docstring is executed here: the
*Example* must give the rule's finding, and

* for a rule with a fix, fixing the example (``--unsafe-fixes`` for the unsafe tier) must give
  exactly the *Use instead* code, and the *Use instead* code must give no fixable finding;
* for a report-only rule, the *Use instead* code must give no finding of that rule.

A rule that fixes only when configured names the options of its example in ``example_options``.

A snippet that imports nothing is run inside ``DocStack.__init__`` (or at module level when it
defines a class), after the imports in ``HEADER``, which bind the aliases the documentation uses.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from golden_support import BUNDLED_API
from remediator.analysis.engine import FileResult, RunOptions, process_source
from remediator.transforms import all_rules

HEADER = """\
import os

import aws_cdk as cdk
from aws_cdk import Aspects, Duration, RemovalPolicy, SecretValue, Stack, Tags
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_notifications as s3n
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from aws_cdk import aws_wafv2 as wafv2
from constructs import Construct
"""

STACK = """
class DocStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
"""

_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def examples(doc: str) -> tuple[str, str]:
    """The *Example* code and the *Use instead* code of a rule's documentation."""
    section = doc.split("## Example", 1)[1].split("\n## ", 1)[0]
    before, _, after = section.partition("Use instead:")
    (example,) = _BLOCK.findall(before)
    (fixed,) = _BLOCK.findall(after)
    return example, fixed


def as_module(snippet: str) -> str:
    snippet = textwrap.dedent(snippet)
    if re.search(r"^(from|import) ", snippet, re.MULTILINE):
        return snippet  # a whole file
    if re.match(r"(class|def) ", snippet):
        return HEADER + "\n\n" + snippet
    return HEADER + STACK + textwrap.indent(snippet, " " * 8)


def run(rule: type, source: str, fix: bool) -> FileResult:
    options = RunOptions(fix=fix, unsafe_fixes=True, api=BUNDLED_API)
    # a rule that fixes only when configured (CDK311's allowed-origins) documents the options of its example
    result = process_source(source.encode(), "doc_stack.py", [rule(getattr(rule, "example_options", None))], options)
    assert not result.errors, result.errors
    return result


RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_documented_example_is_found_and_fixed_as_documented(rule: type) -> None:
    example, fixed = (as_module(s) for s in examples(rule.documentation()))
    compile(example, "example", "exec")
    compile(fixed, "use-instead", "exec")
    found = run(rule, example, fix=False).diagnostics
    assert found, f"{rule.code}: the documented example gives no finding"
    after = run(rule, fixed, fix=False).diagnostics
    if rule.tier.value == "report":
        assert not after, f"{rule.code}: the documented 'Use instead' still gives {after}"
        return
    assert not [d for d in after if d.fixable], f"{rule.code}: 'Use instead' still has fixable findings: {after}"
    result = run(rule, example, fix=True)
    assert result.fixed is not None, f"{rule.code}: nothing fixed in the documented example"
    assert result.fixed.decode() == fixed, f"{rule.code}: the fix of the example is not the documented 'Use instead'"
