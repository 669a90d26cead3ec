"""remediator.verify, and the security rules (CDK301-CDK304) checked end to end on the bundled
example app: it synthesizes with real aws-cdk-lib and node before and after `remediator fix`, and
the cdk-nag findings those rules target disappear."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from remediator.verify import synthesize as verify
from remediator.runner import Request, run
from remediator.verify import VerifyError, find_app, find_app_dir, find_node, nag_delta, synth, verify_change

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
EXAMPLE = os.path.join(REPO, "examples", "insecure_app")
#: what the CDK CLI adds to every app's context (bundling off: verifying never needs Docker)
CLI_SWITCHES = {"aws:cdk:enable-path-metadata": True, "aws:cdk:enable-asset-metadata": True,
                "aws:cdk:version-reporting": True, "aws:cdk:bundling-stacks": []}


def _write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


# -- finding the app and node (no synth) -----------------------------------------------------------
@pytest.mark.parametrize("command, kind, target, argv", [
    ("python3 app.py", "path", "app.py", []),
    (".venv/bin/python -u app.py --flag", "path", "app.py", ["--flag"]),
    ("pipenv run python infra/main.py", "path", "infra/main.py", []),
    ("python -m infra.app", "module", "infra.app", []),
    ("app.py", "path", "app.py", []),
])
def test_find_app_reads_the_cdk_json_command(tmp_path, command, kind, target, argv) -> None:
    _write(tmp_path / "cdk.json", '{"app": "%s", "context": {"env": "prod", "@aws-cdk/x:flag": true}}' % command)
    _write(tmp_path / "cdk.context.json", '{"vpc-provider:account=1": {"vpcId": "vpc-1"}}')
    app = find_app(str(tmp_path))
    assert (app.kind, app.argv) == (kind, argv)
    assert app.target == (target if kind == "module" else os.path.join(str(tmp_path), target))
    assert app.context == {"env": "prod", "@aws-cdk/x:flag": True, "vpc-provider:account=1": {"vpcId": "vpc-1"},
                           **CLI_SWITCHES}
    assert app.cwd == str(tmp_path)


def test_find_app_falls_back_to_app_py_and_explains_failures(tmp_path) -> None:
    with pytest.raises(VerifyError, match="no cdk.json"):
        find_app(str(tmp_path))
    _write(tmp_path / "app.py", "")
    assert find_app(str(tmp_path)).target == os.path.join(str(tmp_path), "app.py")
    _write(tmp_path / "cdk.json", '{"app": "npx ts-node --prefer-ts-exts bin/app.ts"}')
    with pytest.raises(VerifyError, match="cannot run app command"):
        find_app(str(tmp_path))


@pytest.mark.synth
def test_find_node_order_env_then_npm_package_then_path(tmp_path, monkeypatch) -> None:
    system_node = shutil.which("node")
    assert system_node, "these tests need node on PATH"
    env = {"PATH": os.environ["PATH"]}
    # 1. REMEDIATOR_NODE wins
    chosen = find_node([str(tmp_path)], {**env, "REMEDIATOR_NODE": system_node})
    assert chosen.source == "REMEDIATOR_NODE" and chosen.version.startswith("v")
    with pytest.raises(VerifyError, match="REMEDIATOR_NODE"):
        find_node([], {**env, "REMEDIATOR_NODE": str(tmp_path / "missing-node")})
    # 2. the npm package layout under <root>/.ci/node (a link to the real node stands in for it)
    packaged = tmp_path / verify.PACKAGED_NODE.format(arch=verify._arch())
    packaged.parent.mkdir(parents=True)
    packaged.symlink_to(system_node)
    chosen = find_node([str(tmp_path)], env)
    assert chosen.path == str(packaged) and chosen.source.startswith("node-linux-")
    assert chosen.major >= 18
    # 3. else node on PATH (run from a folder without .ci/node: CI's checkout has one)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    chosen = find_node([str(elsewhere)], env)
    assert chosen.source == "PATH" and os.path.samefile(chosen.path, system_node)


def test_templates_are_read_from_nested_stage_assemblies(tmp_path) -> None:
    """The cloud assembly layout aws-cdk-lib 2.275 writes for `Stage(app, "Prod")` + a top-level stack."""
    import json

    _write(tmp_path / "manifest.json", json.dumps({"version": "55.0.0", "artifacts": {
        "assembly-Prod": {"type": "cdk:cloud-assembly",
                          "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}},
        "Top.assets": {"type": "cdk:asset-manifest", "properties": {"file": "Top.assets.json"}},
        "Top": {"type": "aws:cloudformation:stack", "displayName": "Top",
                "properties": {"templateFile": "Top.template.json"}},
        "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}},
    }}))
    _write(tmp_path / "Top.template.json", '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}')
    _write(tmp_path / "assembly-Prod" / "manifest.json", json.dumps({"version": "55.0.0", "artifacts": {
        "ProdQueues890F56DA": {"type": "aws:cloudformation:stack", "displayName": "Prod/Queues",
                               "properties": {"templateFile": "ProdQueues890F56DA.template.json"}},
    }}))
    _write(tmp_path / "assembly-Prod" / "ProdQueues890F56DA.template.json", '{"Resources": {}}')
    templates = verify._templates(str(tmp_path))
    assert templates == {"Top": {"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}, "Prod/Queues": {"Resources": {}}}


# -- synth failures are results, not exceptions (no aws_cdk import; node and aws-cdk-lib are looked up)
@pytest.mark.synth
def test_synth_reports_a_failing_app(tmp_path) -> None:
    _write(tmp_path / "app.py", "import sys\nprint('starting', file=sys.stderr)\nraise RuntimeError('boom in the app')\n")
    result = synth(str(tmp_path))
    assert not result.ok and result.returncode == 1 and not result.timed_out
    assert "RuntimeError: boom in the app" in result.stderr_tail
    assert result.templates == {}


@pytest.mark.synth
def test_synth_runs_the_cdk_json_command_like_the_cdk_cli(tmp_path) -> None:
    """The app runs in its folder with argv, CDK_OUTDIR, CDK_CONTEXT_JSON and the chosen node."""
    _write(tmp_path / "cdk.json", '{"app": "python3 infra/main.py --stage beta", "context": {"env": "qa"}}')
    _write(tmp_path / "infra" / "helper.py", "VALUE = 'imported from the script folder'\n")
    _write(tmp_path / "infra" / "main.py", """
import json, os, sys
import helper
print(json.dumps({"argv": sys.argv[1:], "cwd": os.getcwd(), "helper": helper.VALUE,
                  "context": json.loads(os.environ["CDK_CONTEXT_JSON"]), "outdir": os.environ["CDK_OUTDIR"],
                  "jsii_node": os.environ["JSII_NODE"], "path0": os.environ["PATH"].split(os.pathsep)[0]}),
      file=sys.stderr)
sys.exit(3)
""")
    node = find_node()
    result = synth(str(tmp_path), node=node, nag=True)
    assert not result.ok and result.returncode == 3
    seen = __import__("json").loads(result.stderr_tail.splitlines()[0])
    assert seen["argv"] == ["--stage", "beta"] and seen["cwd"] == str(tmp_path)
    assert seen["helper"] == "imported from the script folder"
    assert seen["context"] == {"env": "qa", "@aws-cdk/core:validationReportJson": True, **CLI_SWITCHES}
    assert seen["jsii_node"] == node.path and seen["path0"] == os.path.dirname(node.path)
    assert os.path.basename(seen["outdir"]) == "cdk.out" and not os.path.exists(seen["outdir"])  # cleaned up


@pytest.mark.synth
def test_synth_without_templates_is_not_ok(tmp_path) -> None:
    _write(tmp_path / "app.py", "print('an app that never calls synth')\n")
    result = synth(str(tmp_path))
    assert result.returncode == 0 and not result.ok
    assert "no CloudFormation template" in result.stderr_tail


@pytest.mark.synth
def test_synth_times_out_and_kills_the_app(tmp_path) -> None:
    _write(tmp_path / "app.py", "import time\ntime.sleep(120)\n")
    result = synth(str(tmp_path), timeout=1.5)
    assert result.timed_out and not result.ok and result.returncode is None
    assert result.duration < 60
    assert "timed out" in result.stderr_tail


# -- the example app, before and after `remediator fix` (two synth runs in total) -----------------
@pytest.fixture(scope="module")
def example_fix():
    """Plan the fix of the example with the default rules in --diff mode (nothing written), then
    verify the plan as `fix --verify` does: synthesize the example as it is and a copy with the
    planned stack files, both with cdk-nag attached."""
    sources = {name: open(os.path.join(dirpath, name), "rb").read()
               for dirpath, _, names in os.walk(EXAMPLE) for name in names if name.endswith(".py")}
    result = run(Request(paths=[EXAMPLE], fix=True, diff=True))
    assert not result.errors, result.errors
    changes = {c.path: c.new for c in result.changes if c.source}
    applied = {os.path.join(result.root, r.path): r.applied for r in result.changed_files}
    verification = verify_change(find_app_dir(EXAMPLE), changes, applied=applied)
    after_sources = {name: open(os.path.join(dirpath, name), "rb").read()
                     for dirpath, _, names in os.walk(EXAMPLE) for name in names if name.endswith(".py")}
    assert after_sources == sources, "verifying must not modify the app"
    return result, changes, verification.before, verification.after, verification


@pytest.mark.synth
def test_example_synthesizes_before_and_after_fix(example_fix) -> None:
    result, changes, before, after, _ = example_fix
    assert before.ok, before.stderr_tail
    assert after.ok, after.stderr_tail
    assert sorted(before.templates) == sorted(after.templates) == ["OrdersData", "OrdersDatabase", "OrdersStorage"]
    assert sorted(os.path.basename(p) for p in changes) == ["data_stack.py", "database_stack.py", "storage_stack.py"]
    assert {"CDK301", "CDK302", "CDK303", "CDK304"} <= {c for r in result.changed_files for c in r.fixed_counts}
    assert b"+++ b/examples/insecure_app/CHANGELOG.md" in result.patch


@pytest.mark.synth
def test_example_nag_kms5_and_s10_go_to_zero(example_fix) -> None:
    _, _, before, after, _ = example_fix
    assert before.nag is not None and after.nag is not None, (before.nag_error, after.nag_error)
    for rule in ("KMS5", "S10"):
        assert before.nag_count(rule) >= 1, rule
        assert after.nag_count(rule) == 0, (rule, after.nag)
    delta = nag_delta(before, after)
    assert delta["AwsSolutions-KMS5"] == (before.nag_count("KMS5"), 0)
    # no cdk-nag rule got worse, but IAM5 by X-Ray tracing (CDK404): Lambda's trace actions take no
    # resource, so CDK grants them on "*" (the one new wildcard statement, and only those actions)
    assert all(b >= a for rule, (b, a) in delta.items() if rule != "AwsSolutions-IAM5"), delta
    assert delta["AwsSolutions-IAM5"][1] - delta["AwsSolutions-IAM5"][0] <= 1, delta

    def wildcard_actions(result) -> list[list[str]]:
        return sorted(sorted(st["Action"] if isinstance(st["Action"], list) else [st["Action"]])
                      for p in _resources(result.templates, "AWS::IAM::Policy").values()
                      for st in p["Properties"]["PolicyDocument"]["Statement"] if st.get("Resource") == "*")
    new = [a for a in wildcard_actions(after) if a not in wildcard_actions(before)]
    assert new == [["xray:PutTelemetryRecords", "xray:PutTraceSegments"]], new



@pytest.mark.synth
def test_example_verification_names_what_a_deploy_would_replace(example_fix) -> None:
    """One of the example's safe fixes deletes deployed resources, which `fix --verify` stops for:
    CDK304 drops auto_delete_objects, so its custom resource, Lambda and role go."""
    *_, v = example_fix
    assert v.status == "ok" and v.exit_status == 1
    found = sorted((r.path, r.type, r.reason, r.prop) for r in v.replacements)
    assert found == [
        ("OrdersStorage/Custom::S3AutoDeleteObjectsCustomResourceProvider/Handler", "AWS::Lambda::Function",
         "removed", None),
        ("OrdersStorage/Custom::S3AutoDeleteObjectsCustomResourceProvider/Role", "AWS::IAM::Role", "removed", None),
        ("OrdersStorage/Uploads/AutoDeleteObjectsCustomResource/Default", "Custom::S3AutoDeleteObjects",
         "removed", None),
    ]
    assert v.blocks_write(unsafe_fixes=False).startswith("not written: the fix would replace or delete 3 resources")
    assert v.blocks_write(unsafe_fixes=True) is None
    counts = {d.stack: d.counts for d in v.stacks}
    assert counts == {"OrdersData": (3, 0, 4), "OrdersDatabase": (4, 0, 2), "OrdersStorage": (1, 3, 4)}
    added = {d.stack: sorted(r.type.split("::")[-1] for r in d.added) for d in v.stacks}
    assert added == {
        "OrdersData": ["Alarm", "Alarm", "Alarm"],  # CDK410: the function's errors, the table's throttling
        "OrdersDatabase": ["FlowLog", "LogGroup", "Policy", "Role"],  # CDK408: flow logs of the VPC
        "OrdersStorage": ["BucketPolicy"],  # CDK303: TLS-only policy of a bucket that had none
    }

def _resources(templates, rtype):
    return {f"{stack}/{rid}": res for stack, t in templates.items()
            for rid, res in t.get("Resources", {}).items() if res["Type"] == rtype}


@pytest.mark.synth
def test_example_templates_show_each_fix(example_fix) -> None:
    _, changes, before, after, _ = example_fix
    data_stack = next(v for k, v in changes.items() if k.endswith("data_stack.py")).decode()
    assert 'removal_policy=cdk.RemovalPolicy.RETAIN if env_name == "prod" else cdk.RemovalPolicy.DESTROY' in data_stack
    keys = _resources(after.templates, "AWS::KMS::Key")
    assert len(keys) == 2 and all(k["Properties"].get("EnableKeyRotation") is True for k in keys.values())
    assert not any(k["Properties"].get("EnableKeyRotation") for k in _resources(before.templates, "AWS::KMS::Key").values())

    buckets = _resources(after.templates, "AWS::S3::Bucket")
    blocked = {rid for rid, b in buckets.items()
               if b["Properties"].get("PublicAccessBlockConfiguration") == {
                   "BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True,
                   "RestrictPublicBuckets": True}}
    public = {rid for rid in buckets if "Downloads" in rid}
    assert len(public) == 1 and blocked == set(buckets) - public  # the public bucket is only reported

    policies = {rid: res["DeletionPolicy"] for rid, res in after.templates["OrdersStorage"]["Resources"].items()
                if res["Type"] == "AWS::S3::Bucket" and "Uploads" in rid}
    assert list(policies.values()) == ["Retain"]
    before_uploads = [res for rid, res in before.templates["OrdersStorage"]["Resources"].items()
                      if res["Type"] == "AWS::S3::Bucket" and "Uploads" in rid]
    assert before_uploads[0]["DeletionPolicy"] == "Delete"
    # auto_delete_objects went with DESTROY: its custom resource is gone
    assert _resources(before.templates, "Custom::S3AutoDeleteObjects")
    assert not _resources(after.templates, "Custom::S3AutoDeleteObjects")

    (db,) = _resources(after.templates, "AWS::RDS::DBInstance").values()
    assert db["DeletionPolicy"] == "Snapshot"
    # the data stack names its environment (env_name): RETAIN in production, DESTROY elsewhere; this
    # synth sets no environment (dev), so the table keeps DESTROY
    assert {t["DeletionPolicy"] for t in _resources(after.templates, "AWS::DynamoDB::Table").values()} == {"Delete"}


def test_example_diff_applies_with_git(tmp_path) -> None:
    """The README's first command: its diff uses repository-relative paths that `git apply` takes."""
    proc = subprocess.run([sys.executable, "-m", "remediator", "fix", "--diff", "examples/insecure_app"],
                          cwd=REPO, capture_output=True)
    assert proc.returncode == 1, proc.stderr.decode()
    assert b"a/examples/insecure_app/stacks/storage_stack.py" in proc.stdout
    check = subprocess.run(["git", "apply", "--check", "-"], cwd=REPO, input=proc.stdout, capture_output=True)
    assert check.returncode == 0, check.stderr.decode()
