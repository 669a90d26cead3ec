"""CDK106 against the real aws_cdk.Stack: the reviewed name lists, and the fix's effect at synth."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import textwrap

import pytest

from remediator.transforms.api_repair.cdk106_stack_reserved_attribute import OTHER_MEMBERS, PREFERRED, READ_ONLY

GOLDEN = os.path.join(os.path.dirname(__file__), os.pardir, "golden", "CDK106-stack-reserved-attribute")


@pytest.mark.synth  # importing aws_cdk starts node (jsii)
def test_reviewed_lists_match_the_installed_stack() -> None:
    import aws_cdk

    read_only, others = set(), set()
    for cls in (aws_cdk.Stack, aws_cdk.NestedStack):
        for name in dir(cls):
            if name.startswith("_"):
                continue
            member = inspect.getattr_static(cls, name)
            if isinstance(member, property) and member.fset is None:
                read_only.add(name)
            else:
                others.add(name)
    assert set(READ_ONLY) == read_only
    assert others <= set(OTHER_MEMBERS) | read_only
    # a preferred new name never collides with a Stack member
    assert not set(PREFERRED.values()) & (read_only | others)


SCRIPT = textwrap.dedent(
    """
    import importlib.util, json, sys
    import aws_cdk as cdk

    out = {}
    for label, path in (("input", sys.argv[1]), ("expected", sys.argv[2])):
        spec = importlib.util.spec_from_file_location("stack_" + label, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        app = cdk.App(outdir=sys.argv[3] + "/" + label)
        try:
            mod.DataStack(app, "Data", environment="prod")
            app.synth()
            out[label] = "ok"
        except Exception as exc:  # noqa: BLE001
            out[label] = type(exc).__name__ + ": " + str(exc)
    print(json.dumps(out))
    """
)


@pytest.mark.synth
def test_rename_makes_the_stack_synthesize(tmp_path) -> None:
    env = dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, os.path.join(GOLDEN, "basic.input.py"),
         os.path.join(GOLDEN, "basic.expected.py"), str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["input"].startswith("AttributeError") and "environment" in result["input"], result
    assert result["expected"] == "ok", result
    template = json.loads((tmp_path / "expected" / "Data.template.json").read_text())
    names = [r.get("Properties", {}).get("BucketName") for r in template["Resources"].values()
             if r["Type"] == "AWS::S3::Bucket"]
    assert "data-prod" in names  # the renamed attribute carried the value through


def test_api_index_agrees_with_the_reviewed_list() -> None:
    from remediator.api import get_index

    api = get_index(None, None)
    names = {n for cls in ("aws_cdk.Stack", "aws_cdk.NestedStack")
             for n, p in api.properties(cls).items() if p.readonly and not p.static and not n.startswith("_")}
    assert names == set(READ_ONLY)
    assert api.is_subtype("aws_cdk.NestedStack", "aws_cdk.Stack")
