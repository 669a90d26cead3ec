"""Shared helpers the operations rules (CDK4xx) rely on, where golden cases cannot show them alone:
options objects merged by two fixes of one pass, and the layout of long nested calls."""

from __future__ import annotations

import textwrap

import libcst as cst

from golden_support import BUNDLED_API
from remediator.analysis.context import FileContext, lay_out_edit
from remediator.analysis.edits import Fix, apply_fixes, lay_out_nested

SOURCE = textwrap.dedent('''
    from aws_cdk import aws_apigateway as apigw


    def build(scope, handler):
        apigw.LambdaRestApi(scope, "Api", handler=handler)
''')


def _api_call(ctx: FileContext):
    (call,) = ctx.calls_of(["aws_cdk.aws_apigateway.LambdaRestApi"])
    return call


def test_two_fixes_adding_the_same_options_object_in_one_pass_merge() -> None:
    module = cst.parse_module(SOURCE)
    ctx = FileContext(module, "stack.py", api=BUNDLED_API)
    call = _api_call(ctx)
    first = call.merge_options("deploy_options", "aws_cdk.aws_apigateway.StageOptions", {"metrics_enabled": "True"})
    second = call.merge_options("deploy_options", "aws_cdk.aws_apigateway.StageOptions",
                                {"throttling_rate_limit": "100", "metrics_enabled": "False"})
    fixed, deferred = apply_fixes(module, [Fix([first]), Fix([second])])
    assert not deferred
    assert ('apigw.LambdaRestApi(scope, "Api", handler=handler, deploy_options=apigw.StageOptions('
            "metrics_enabled=True, throttling_rate_limit=100))") in fixed.code


def test_a_long_nested_call_is_laid_out_at_its_own_depth() -> None:
    module = cst.parse_module(SOURCE)
    ctx = FileContext(module, "stack.py", api=BUNDLED_API)
    call = _api_call(ctx)
    fields = ", ".join(f"field_{i}=True" for i in range(8))
    merge = call.merge_options("deploy_options", "aws_cdk.aws_apigateway.StageOptions",
                               {"access_log_format": f"apigw.AccessLogFormat.json_with_standard_fields({fields})"})
    fixed, _ = apply_fixes(module, [Fix([merge, lay_out_edit(ctx, call.node)])])
    assert fixed.code.endswith(textwrap.dedent('''\
        def build(scope, handler):
            apigw.LambdaRestApi(
                scope,
                "Api",
                handler=handler,
                deploy_options=apigw.StageOptions(
                    access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
                        field_0=True,
                        field_1=True,
                        field_2=True,
                        field_3=True,
                        field_4=True,
                        field_5=True,
                        field_6=True,
                        field_7=True,
                    ),
                ),
            )
    '''))
    assert all(len(line) <= 100 for line in fixed.code.splitlines())


def test_a_call_that_fits_is_left_as_written() -> None:
    call = cst.parse_expression('f(a, b=g(1, 2))')
    assert isinstance(call, cst.Call)
    assert lay_out_nested(call, "    ", 100) is call
