"""CDK105's reviewed migrations, checked with real aws-cdk-lib: the rule's own output synthesizes
the same template as the deprecated form, and the old keyword together with the new fails synth."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import libcst as cst
import pytest
from remediator.analysis.engine import RunOptions, process_source
from remediator.transforms import all_rules
from remediator.transforms.api_repair.cdk105_deprecated_api import REVIEWED

# one function per reviewed migration; each builds one construct in stack `s` with the deprecated form
CASES = textwrap.dedent(
    '''
    from aws_cdk import Duration
    from aws_cdk import aws_dynamodb as dynamodb
    from aws_cdk import aws_ec2 as ec2
    from aws_cdk import aws_ecs as ecs
    from aws_cdk import aws_lambda as lambda_
    from aws_cdk import aws_stepfunctions as sfn
    from aws_cdk import aws_stepfunctions_tasks as tasks

    PK = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
    CODE = lambda_.Code.from_inline("def handler(e, c):\\n    return 1")


    def point_in_time_recovery(s):
        dynamodb.Table(s, "T", partition_key=PK, point_in_time_recovery=True)


    def contributor_insights_enabled(s):
        dynamodb.Table(s, "T", partition_key=PK, contributor_insights_enabled=True)


    def contributor_insights(s):
        dynamodb.TableV2(s, "T", partition_key=PK, contributor_insights=True)


    def log_format(s):
        lambda_.Function(s, "F", runtime=lambda_.Runtime.PYTHON_3_12, handler="i.h", code=CODE, log_format="JSON")


    def application_log_level(s):
        lambda_.Function(s, "F", runtime=lambda_.Runtime.PYTHON_3_12, handler="i.h", code=CODE,
                         logging_format=lambda_.LoggingFormat.JSON, application_log_level="WARN")


    def system_log_level(s):
        lambda_.Function(s, "F", runtime=lambda_.Runtime.PYTHON_3_12, handler="i.h", code=CODE,
                         logging_format=lambda_.LoggingFormat.JSON, system_log_level="DEBUG")


    def cidr(s):
        ec2.Vpc(s, "V", cidr="10.1.0.0/16", max_azs=1)


    def container_insights(s):
        ecs.Cluster(s, "C", container_insights=True)


    def _invoke(s):
        fn = lambda_.Function(s, "F", runtime=lambda_.Runtime.PYTHON_3_12, handler="i.h", code=CODE)
        return fn


    def timeout(s):
        fn = _invoke(s)
        task = tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, timeout=Duration.minutes(5))
        sfn.StateMachine(s, "M", definition_body=sfn.DefinitionBody.from_chainable(task))


    def heartbeat(s):
        fn = _invoke(s)
        task = tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, heartbeat=Duration.seconds(30))
        sfn.StateMachine(s, "M", definition_body=sfn.DefinitionBody.from_chainable(task))
    '''
)

SCRIPT = textwrap.dedent(
    """
    import importlib.util, json, sys, warnings
    import aws_cdk as cdk

    def load(path, name):
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod

    old, new = load(sys.argv[1], "old_cases"), load(sys.argv[2], "new_cases")

    def template(build):
        app = cdk.App(outdir=sys.argv[3])
        stack = cdk.Stack(app, "S")
        try:
            build(stack)
            t = app.synth().get_stack_by_name("S").template
        except Exception as exc:  # noqa: BLE001
            return "error: " + str(exc).splitlines()[0]
        return {k: v for k, v in t.items() if k != "Metadata"}

    both = load(sys.argv[5], "both_cases")
    out = {}
    for name in sys.argv[4].split(","):
        out[name] = {"old": template(getattr(old, name)), "new": template(getattr(new, name)),
                     "both": template(getattr(both, name))}
    print(json.dumps(out))
    """
)


@pytest.mark.synth
def test_reviewed_migrations_keep_the_template(tmp_path) -> None:
    rules = [r() for r in all_rules() if r.code == "CDK105"]
    result = process_source(CASES.encode(), "cases.py", rules, RunOptions(fix=True))
    assert not result.errors, result.errors
    fixed = result.fixed.decode()
    # every reviewed migration was applied (its old keyword is gone, its new keyword is there)
    for old, migration in REVIEWED.items():
        assert not re.search(rf"\b{old}=", fixed), old
        assert f"{migration.new}=" in fixed, migration.new
    old_path, new_path, both_path = (tmp_path / f"{n}_cases.py" for n in ("old", "new", "both"))
    old_path.write_text(CASES)
    new_path.write_text(fixed)
    both_path.write_text(_with_old_keywords(fixed))
    env = dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(old_path), str(new_path), str(tmp_path / "out"), ",".join(REVIEWED),
         str(both_path)],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    for name, pair in results.items():
        assert isinstance(pair["old"], dict), (name, pair["old"])
        assert pair["old"] == pair["new"], name
        if REVIEWED[name].exclusive:
            # aws-cdk-lib rejects the deprecated keyword next to its replacement: it is a replacement
            assert isinstance(pair["both"], str) and pair["both"].startswith("error"), (name, pair["both"])
            assert "unexpected keyword" not in pair["both"] and "type of argument" not in pair["both"], pair["both"]
        else:
            assert isinstance(pair["both"], dict), (name, pair["both"])


def _with_old_keywords(fixed: str) -> str:
    """The migrated cases with each function's deprecated keyword added back (old value) to the
    call that now carries the replacement keyword."""
    old_args: dict[str, cst.Arg] = {}

    class FindOld(cst.CSTVisitor):
        def __init__(self) -> None:
            self.current = ""

        def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
            self.current = node.name.value

        def visit_Arg(self, node: cst.Arg) -> None:
            if node.keyword is not None and node.keyword.value == self.current:
                old_args[self.current] = node

    cst.parse_module(CASES).visit(FindOld())
    assert set(old_args) == set(REVIEWED)

    class AddBack(cst.CSTTransformer):
        def __init__(self) -> None:
            self.current = ""

        def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
            self.current = node.name.value

        def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.Call:
            migration = REVIEWED.get(self.current)
            if migration is None or not any(a.keyword and a.keyword.value == migration.new for a in updated.args):
                return updated
            last = updated.args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            arg = old_args[self.current].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return updated.with_changes(args=[*updated.args[:-1], last, arg])

    return cst.parse_module(fixed).visit(AddBack()).code
