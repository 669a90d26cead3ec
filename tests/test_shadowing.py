"""A local or parameter named like a module alias is not that module, for every rule.

``s3 = {...}`` or ``def f(kms): ...`` shadows ``from aws_cdk import aws_s3 as s3`` where it is
bound; calls through such names are the user's own objects, never aws-cdk-lib constructs.
"""

from __future__ import annotations

import textwrap

import pytest

from golden_support import BUNDLED_API
from remediator.analysis.engine import RunOptions, process_source
from remediator.transforms import all_rules

SOURCE = textwrap.dedent('''
    from aws_cdk import RemovalPolicy, Stack, Tags
    from aws_cdk import aws_apigateway as apigw
    from aws_cdk import aws_dynamodb as dynamodb
    from aws_cdk import aws_kms as kms
    from aws_cdk import aws_lambda as lambda_
    from aws_cdk import aws_logs as logs
    from aws_cdk import aws_rds as rds
    from aws_cdk import aws_s3 as s3
    from constructs import Construct


    def local_dict_named_like_a_module() -> None:
        s3 = {"Bucket": lambda *a, **k: None}
        s3.Bucket(1)
        s3.Bucket(None, "Data", removal_policy=RemovalPolicy.DESTROY, bucket_name="data")
        s3.grant(None, "s3:GetObject")


    def parameters_named_like_modules(kms, logs, apigw, lambda_) -> None:
        kms.Key(None, "Key")
        logs.RetentionDays(7)
        logs.LogGroup(None, "Logs", retention=logs.RetentionDays.THIRTY_DAYS)
        apigw.AccessLogFormat.json_with_standard_fields()
        lambda_.Function(None, "Fn", environment={"AWS_REGION": "x"}, log_format="JSON")


    def loop_and_with_targets(items, ctx) -> None:
        for dynamodb in items:
            dynamodb.Table(None, "T", point_in_time_recovery=True, removal_policy=RemovalPolicy.DESTROY)
        with ctx as rds:
            rds.DatabaseInstance(None, "Db", backup_window="03:00-04:00", removal_policy=RemovalPolicy.DESTROY)


    class Stored(Stack):
        """A stack otherwise in order (documented, tagged), whose parameter shadows a module alias."""

        def __init__(self, scope: Construct, construct_id: str, s3=None, **kwargs) -> None:
            super().__init__(scope, construct_id, **kwargs)
            for key in ("Environment", "Owner", "Project"):
                Tags.of(self).add(key, "test")
            s3.Bucket(self, "Data", versioning=True)
            s3.BlockPublicAccess.BLOCK_ACLS_ONLY
''')

RULES = all_rules()


def test_the_source_is_valid_python() -> None:
    compile(SOURCE, "shadowing", "exec")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_names_shadowing_a_module_alias_give_no_finding(rule: type) -> None:
    result = process_source(SOURCE.encode(), "stack.py", [rule()], RunOptions(fix=True, unsafe_fixes=True,
                                                                                 api=BUNDLED_API))
    assert not result.errors, result.errors
    assert result.diagnostics == [] and result.applied == [], [d.message for d in result.diagnostics + result.applied]
