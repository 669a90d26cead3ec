"""The engine helpers rules that add constructs rely on: binding an unbound construct before
statements that follow it, fresh names and construct ids, merging into an options object, and
files created by a fix (in the diff, written by fix, never over an existing file)."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path
from typing import ClassVar, Iterator

import pytest

from remediator.analysis.context import ConstructCall
from remediator.analysis.edits import Edit, Fix
from remediator.analysis.engine import RunOptions, process_source
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.runner import Request, run


class ScaleAsg(Rule):
    """Test rule: every AutoScalingGroup gets a scaling policy after it, with a fresh construct id."""

    code, name, tier = "CDK981", "test-follow-with", Tier.SAFE
    summary = "test"
    targets: ClassVar[tuple[str, ...]] = ("aws_cdk.aws_autoscaling.AutoScalingGroup",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if ".scale_on_" in call.ctx.source:
            return
        cid = call.ctx.free_construct_id("CpuScaling")
        edit = call.follow_with(f'{{construct}}.scale_on_cpu_utilization("{cid}", target_utilization_percent=70)')
        yield self.finding(call, "no scaling policy", fix=edit)


def _fix(source: str, *rules: Rule) -> str:
    result = process_source(textwrap.dedent(source).encode(), "stack.py", list(rules), RunOptions(fix=True))
    assert not result.errors, result.errors
    return (result.fixed or textwrap.dedent(source).encode()).decode()


HEADER = """\
from aws_cdk import Stack
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_apigateway as apigw


class WebStack(Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
"""


def test_follow_with_uses_the_binding() -> None:
    out = _fix(HEADER + "        self.asg = autoscaling.AutoScalingGroup(self, \"Asg\")\n", ScaleAsg())
    assert out.endswith('        self.asg = autoscaling.AutoScalingGroup(self, "Asg")\n'
                       '        self.asg.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)\n')


def test_follow_with_binds_an_unbound_construct_to_a_fresh_readable_name() -> None:
    source = HEADER + ('        web_auto_scaling_group = None\n        autoscaling.AutoScalingGroup(self, "Web")\n'
                       '        x = 1\n')
    out = _fix(source, ScaleAsg())
    assert ('        web_auto_scaling_group_2 = autoscaling.AutoScalingGroup(self, "Web")\n'
            '        web_auto_scaling_group_2.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)\n'
            '        x = 1\n') in out


class OutputAsg(Rule):
    """Test rule: every AutoScalingGroup gets an output after it (a second rule following it)."""

    code, name, tier = "CDK982", "test-follow-with-too", Tier.SAFE
    summary = "test"
    targets: ClassVar[tuple[str, ...]] = ("aws_cdk.aws_autoscaling.AutoScalingGroup",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if "print(" not in call.ctx.source:
            yield self.finding(call, "no output", fix=call.follow_with("print({construct})"))


def test_rules_following_the_same_unbound_construct_share_its_new_name() -> None:
    out = _fix(HEADER + '        autoscaling.AutoScalingGroup(self, "Web")\n', ScaleAsg(), OutputAsg())
    assert out.endswith('        web_auto_scaling_group = autoscaling.AutoScalingGroup(self, "Web")\n'
                        '        web_auto_scaling_group.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)\n'
                        '        print(web_auto_scaling_group)\n')


def test_follow_with_does_not_touch_a_construct_inside_an_expression() -> None:
    source = HEADER + '        groups = [autoscaling.AutoScalingGroup(self, "Web")]\n'
    result = process_source(source.encode(), "stack.py", [ScaleAsg()], RunOptions(fix=True))
    assert result.fixed is None and [d.code for d in result.diagnostics] == ["CDK981"]


def test_free_construct_ids_never_collide_within_a_pass() -> None:
    source = HEADER + ('        cdk_id = "CpuScaling"\n        other = autoscaling.CfnLaunchConfiguration(self, "CpuScaling")\n'
                       '        a = autoscaling.AutoScalingGroup(self, "A")\n        b = autoscaling.AutoScalingGroup(self, "B")\n')
    out = _fix(source, ScaleAsg())
    assert 'a.scale_on_cpu_utilization("CpuScaling2"' in out and 'b.scale_on_cpu_utilization("CpuScaling3"' in out


class Throttle(Rule):
    """Test rule: RestApi stages get throttling, merged into existing StageOptions."""

    code, name, tier = "CDK982", "test-merge-options", Tier.SAFE
    summary = "test"
    targets: ClassVar[tuple[str, ...]] = ("aws_cdk.aws_apigateway.RestApi",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        edit = call.merge_options("deploy_options", "aws_cdk.aws_apigateway.StageOptions",
                                  {"throttling_rate_limit": "100", "throttling_burst_limit": "200"})
        if edit is not None:
            yield self.finding(call, "no throttling", fix=edit)


def test_merge_options_adds_the_options_object_when_missing() -> None:
    out = _fix(HEADER + '        apigw.RestApi(self, "Api")\n', Throttle())
    assert ('        apigw.RestApi(\n            self,\n            "Api",\n            deploy_options=apigw.StageOptions('
            'throttling_rate_limit=100, throttling_burst_limit=200),\n        )\n') in out


def test_merge_options_merges_into_the_existing_object_and_keeps_what_it_sets() -> None:
    source = HEADER + ('        apigw.RestApi(self, "Api", deploy_options=apigw.StageOptions(stage_name="v1", '
                       'throttling_rate_limit=10))\n')
    out = _fix(source, Throttle())
    assert out.count("StageOptions(") == 1
    assert 'stage_name="v1", throttling_rate_limit=10, throttling_burst_limit=200)' in out


def test_merge_options_leaves_options_held_elsewhere_alone() -> None:
    source = HEADER + '        opts = apigw.StageOptions(stage_name="v1")\n        apigw.RestApi(self, "Api", deploy_options=opts)\n'
    result = process_source(source.encode(), "stack.py", [Throttle()], RunOptions(fix=True))
    assert result.fixed is None and result.diagnostics == []


class Extract(Rule):
    """Test rule: inline code moves to a new file next to the stack."""

    code, name, tier = "CDK983", "test-new-file", Tier.SAFE
    summary = "test"
    targets: ClassVar[tuple[str, ...]] = ("aws_cdk.aws_lambda.Code.from_inline",)

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        code = call.positional(0)
        edit = call.ctx.replace(call.node, '`aws_cdk.aws_lambda.Code`.from_asset("lambda/handler")')
        edit.files = {"lambda/handler/index.py": code.evaluated_value}  # type: ignore[union-attr]
        yield self.finding(call, "inline code", fix=Fix([edit]))


STACK = textwrap.dedent('''\
    from aws_cdk import Stack
    from aws_cdk import aws_lambda as lambda_


    class FnStack(Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            lambda_.Function(self, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                             code=lambda_.Code.from_inline("def handler(event, context):\\n    return 1\\n"))
''')


@pytest.fixture
def extract_rule(monkeypatch: pytest.MonkeyPatch):
    import remediator.runner as runner_mod

    rules = (*runner_mod.all_rules(), Extract)
    monkeypatch.setattr(runner_mod, "all_rules", lambda: rules)
    return Extract


def _git(repo: Path, *args: str, data: bytes | None = None) -> None:
    subprocess.run(["git", *args], cwd=repo, input=data, check=True, capture_output=True)


def test_a_created_file_is_in_the_diff_and_written_by_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          extract_rule) -> None:
    for name in ("a", "b"):
        (tmp_path / name / "stacks").mkdir(parents=True)
        (tmp_path / name / "stacks" / "fn.py").write_text(STACK)
        _git(tmp_path / name, "init", "-q")
    monkeypatch.chdir(tmp_path / "a")
    diff = run(Request(paths=["."], fix=True, diff=True, select=["CDK983"], changelog=False, jobs=1))
    assert not diff.errors, diff.errors
    assert b"new file mode 100644" in diff.patch and b"+++ b/stacks/lambda/handler/index.py" in diff.patch
    assert not (tmp_path / "a" / "stacks" / "lambda").exists()  # --diff writes nothing
    _git(tmp_path / "b", "apply", "-", data=diff.patch)
    fixed = run(Request(paths=["."], fix=True, select=["CDK983"], changelog=False, jobs=1))
    assert not fixed.errors, fixed.errors
    for name in ("stacks/fn.py", "stacks/lambda/handler/index.py"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a" / "stacks/lambda/handler/index.py").read_text() == "def handler(event, context):\n    return 1\n"


def test_a_fix_never_creates_over_an_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   extract_rule) -> None:
    (tmp_path / "stacks" / "lambda" / "handler").mkdir(parents=True)
    (tmp_path / "stacks" / "lambda" / "handler" / "index.py").write_text("# mine\n")
    (tmp_path / "stacks" / "fn.py").write_text(STACK)
    monkeypatch.chdir(tmp_path)
    result = run(Request(paths=["."], fix=True, select=["CDK983"], changelog=False, jobs=1))
    assert any("already exists" in message for _, message in result.errors), result.errors
    assert (tmp_path / "stacks" / "fn.py").read_text() == STACK
    assert (tmp_path / "stacks" / "lambda" / "handler" / "index.py").read_text() == "# mine\n"
