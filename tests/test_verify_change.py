"""verify_change: small CDK apps synthesized for real (aws-cdk-lib + Node.js, cdk-nag attached from
outside) before and after a planned change, and the verdict the pipeline acts on: findings per
cdk-nag rule, resources added/removed/modified, replacements (create-only properties from cfn-lint's
schemas, logical ids that disappear), which file broke synthesis, and why synthesis cannot run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from remediator.verify import verify_change
from remediator.verify.report import render_json

APP_PY = textwrap.dedent("""\
    import aws_cdk as cdk
    from stacks.main import MainStack

    app = cdk.App()
    MainStack(app, "Main")
    app.synth()
    """)

STACK_HEAD = textwrap.dedent("""\
    from aws_cdk import Stack
    from aws_cdk import aws_ec2 as ec2, aws_efs as efs, aws_kms as kms, aws_s3 as s3, aws_sns as sns, aws_sqs as sqs
    from constructs import Construct


    class MainStack(Stack):
        def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
            super().__init__(scope, construct_id, **kwargs)
    """)


def make_app(root: Path, body: str, *, cdk_json: dict | None = None, files: dict[str, str] | None = None) -> Path:
    """An app: app.py building MainStack from stacks/main.py (``body`` is the __init__ body)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "cdk.json").write_text(json.dumps(cdk_json or {"app": "python3 app.py"}))
    (root / "app.py").write_text(APP_PY)
    (root / "stacks").mkdir(exist_ok=True)
    (root / "stacks" / "__init__.py").write_text("")
    (root / "stacks" / "main.py").write_text(STACK_HEAD + textwrap.indent(textwrap.dedent(body), " " * 8))
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def changed(root: Path, name: str, old: str, new: str) -> dict[str, bytes]:
    path = root / name
    text = path.read_text()
    assert old in text, (old, text)
    return {str(path): text.replace(old, new).encode()}


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# -- a clean fix: synth keeps working, a cdk-nag finding goes away; context reaches the app ---------
CONTEXT_BODY = """\
team = self.node.try_get_context("team")
stage = self.node.try_get_context("stage")
kms.Key(self, "Key")
s3.Bucket(self, "Logs", bucket_name=f"{team}-{stage}-logs")
"""


@pytest.fixture(scope="module")
def rotation(tmp_path_factory):
    root = make_app(tmp_path_factory.mktemp("rotation") / "app", CONTEXT_BODY,
                    cdk_json={"app": "python3 app.py", "context": {"team": "payments", "stage": "dev"}},
                    files={"cdk.context.json": json.dumps({"team": "cached-team"})})
    before_files = tree(root)
    changes = changed(root, "stacks/main.py", 'kms.Key(self, "Key")', 'kms.Key(self, "Key", enable_key_rotation=True)')
    verification = verify_change(str(root), changes, context={"stage": "prod"},
                                 applied={next(iter(changes)): ["CDK301"]})
    assert tree(root) == before_files, "verifying must not touch the app"
    return verification


@pytest.mark.synth
def test_clean_fix_drops_the_nag_finding_and_changes_one_property(rotation) -> None:
    v = rotation
    assert v.status == "ok", v.render_text()
    assert v.before.ok and v.after.ok
    assert v.nag["AwsSolutions-KMS5"] == (1, 0)
    assert all(after == before for rule, (before, after) in v.nag.items() if rule != "AwsSolutions-KMS5")
    (stack,) = v.stacks
    assert stack.stack == "Main" and stack.counts == (0, 0, 1)
    assert stack.modified[0].type == "AWS::KMS::Key" and stack.modified[0].changes == ("Properties.EnableKeyRotation",)
    assert stack.modified[0].path == "Main/Key/Resource"  # the construct path (path metadata, as under the CLI)
    assert v.replacements == [] and v.blocks_write(False) is None and v.exit_status == 0
    text = v.render_text()
    assert "synth: ok before, ok after" in text
    assert "AwsSolutions-KMS5  1 -> 0  fixed" in text
    assert "Main: 0 added, 0 removed, 1 modified" in text and "replacements: none" in text
    data = json.loads(render_json(v))
    assert data["status"] == "ok" and data["nag"]["AwsSolutions-KMS5"] == {"before": 1, "after": 0}
    assert data["stacks"][0]["counts"] == {"added": 0, "removed": 0, "modified": 1}
    assert data["aws_cdk_lib"] == "2.275.0" and data["node"]["version"].startswith("v")


@pytest.mark.synth
def test_context_from_cdk_json_and_command_line_reach_the_app(rotation) -> None:
    """-c stage=prod wins over cdk.json's stage; cdk.json's team wins over cdk.context.json's."""
    for result in (rotation.before, rotation.after):
        names = [r["Properties"]["BucketName"] for r in result.templates["Main"]["Resources"].values()
                 if r["Type"] == "AWS::S3::Bucket"]
        assert names == ["payments-prod-logs"]


# -- replacements, and resources added / removed / modified -----------------------------------------
REPLACE_BODY = """\
s3.Bucket(self, "Data", bucket_name="orders-a")
sqs.Queue(self, "Queue")
kms.Key(self, "Key")
fs = efs.FileSystem.from_file_system_attributes(
    self, "Fs", file_system_id="fs-12345678",
    security_group=ec2.SecurityGroup.from_security_group_id(self, "Sg", "sg-12345678"))
efs.AccessPoint(self, "Ap", file_system=fs, path="/export")
"""


@pytest.fixture(scope="module")
def replacing(tmp_path_factory):
    root = make_app(tmp_path_factory.mktemp("replacing") / "app", REPLACE_BODY)
    path = root / "stacks" / "main.py"
    text = path.read_text()
    for old, new in (('bucket_name="orders-a"', 'bucket_name="orders-b"'),  # create-only: replaced
                     ('sqs.Queue(self, "Queue")', 'sqs.Queue(self, "Jobs")'),  # construct id renamed
                     ('kms.Key(self, "Key")', 'kms.Key(self, "Key", enable_key_rotation=True)\n'
                                              '        sns.Topic(self, "Alerts")'),  # modified; added
                     ('path="/export"', 'path="/data"')):  # nested create-only: RootDirectory/Path
        assert old in text
        text = text.replace(old, new)
    return verify_change(str(root), {str(path): text.encode()}, nag=False)


@pytest.mark.synth
def test_resources_added_removed_modified(replacing) -> None:
    v = replacing
    assert v.status == "ok", v.render_text()
    (stack,) = v.stacks
    assert sorted((r.type, r.path) for r in stack.added) == [("AWS::SNS::Topic", "Main/Alerts/Resource"),
                                                            ("AWS::SQS::Queue", "Main/Jobs/Resource")]
    assert [(r.type, r.path) for r in stack.removed] == [("AWS::SQS::Queue", "Main/Queue/Resource")]
    assert sorted((r.type, r.changes) for r in stack.modified) == [
        ("AWS::EFS::AccessPoint", ("Properties.RootDirectory",)),
        ("AWS::KMS::Key", ("Properties.EnableKeyRotation",)),
        ("AWS::S3::Bucket", ("Properties.BucketName",)),
    ]
    assert stack.counts == (2, 1, 3)
    assert "Main: 2 added, 1 removed, 3 modified" in v.render_text()
    assert v.nag is None  # cdk-nag was not asked for


@pytest.mark.synth
def test_replacements_name_the_resource_and_the_property(replacing) -> None:
    v = replacing
    got = sorted((r.path, r.type, r.reason, r.prop) for r in v.replacements)
    assert got == [
        ("Main/Ap/Resource", "AWS::EFS::AccessPoint", "create-only", "RootDirectory/Path"),
        ("Main/Data/Resource", "AWS::S3::Bucket", "create-only", "BucketName"),
        ("Main/Queue/Resource", "AWS::SQS::Queue", "removed", None),
    ]
    bucket = next(r for r in v.replacements if r.prop == "BucketName")
    assert (bucket.before, bucket.after) == ("orders-a", "orders-b")
    queue = next(r for r in v.replacements if r.reason == "removed")
    assert queue.replaced_by == next(r.logical_id for r in v.stacks[0].added if r.type == "AWS::SQS::Queue")
    assert v.exit_status == 1
    reason = v.blocks_write(unsafe_fixes=False)
    assert reason.startswith("not written: the fix would replace or delete 3 resources")
    assert "Main/Data/Resource (AWS::S3::Bucket" in reason and "BucketName is create-only" in reason
    assert "RootDirectory/Path" in reason and "--unsafe-fixes" in reason
    assert v.blocks_write(unsafe_fixes=True) is None
    data = json.loads(render_json(v))
    assert sorted(r["property"] or "-" for r in data["replacements"]) == ["-", "BucketName", "RootDirectory/Path"]


# -- a change that breaks synth: nothing may be written, and the file (and rules) are named ----------
@pytest.mark.synth
def test_broken_synth_names_the_file_and_rules_that_broke_it(tmp_path) -> None:
    root = make_app(tmp_path / "app", "from stacks.web import add_web\nfrom stacks.keys import add_keys\n"
                                      "add_web(self)\nadd_keys(self)\n", files={
        "stacks/web.py": "from aws_cdk import aws_s3 as s3\n\n\ndef add_web(scope):\n"
                         "    s3.Bucket(scope, 'Site', public_read_access=True,\n"
                         "              block_public_access=s3.BlockPublicAccess.BLOCK_ACLS_ONLY)\n",
        "stacks/keys.py": "from aws_cdk import aws_kms as kms\n\n\ndef add_keys(scope):\n    kms.Key(scope, 'Key')\n",
    })
    changes = {**changed(root, "stacks/web.py", "BLOCK_ACLS_ONLY", "BLOCK_ALL"),
               **changed(root, "stacks/keys.py", "kms.Key(scope, 'Key')", "kms.Key(scope, 'Key', enable_key_rotation=True)"),
               str(root / "CHANGELOG.md"): b"## [Unreleased]\n"}  # not synthesized alone: synth never reads it
    web, keys = str(root / "stacks" / "web.py"), str(root / "stacks" / "keys.py")
    v = verify_change(str(root), changes, nag=False, applied={web: ["CDK302"], keys: ["CDK301"]})
    assert v.status == "broken" and v.exit_status == 1
    assert v.before.ok and not v.after.ok
    assert "Cannot grant public access when 'blockPublicPolicy' is enabled" in v.after.error
    # each file's change alone: only web.py's breaks it
    assert sorted(v.breakage.tried) == sorted([web, keys])
    assert [(c.path, c.rules) for c in v.breakage.culprits] == [(web, ["CDK302"])]
    assert "blockPublicPolicy" in v.breakage.culprits[0].error
    reason = v.blocks_write(unsafe_fixes=True)  # --unsafe-fixes never writes a broken app
    assert reason.startswith("not written: the app synthesized before the fix and does not after")
    assert "stacks/web.py (CDK302)" in reason and "keys.py" not in reason
    text = v.render_text(str(root))
    assert "broken by: stacks/web.py (CDK302)" in text
    assert f'File "{web}", line 5, in add_web' in text  # the user's file, not the temporary copy it ran in
    assert json.loads(render_json(v))["broken_by"]["files"][0]["rules"] == ["CDK302"]


@pytest.mark.synth
def test_a_fix_that_makes_the_app_synthesize_is_repaired_not_broken(tmp_path) -> None:
    root = make_app(tmp_path / "app", "kms.Key(self, 'Key', enable_key_rotation=True)\nmissing_name\n")
    v = verify_change(str(root), changed(root, "stacks/main.py", "missing_name\n", ""), nag=False)
    assert v.status == "repaired", v.render_text()
    assert "NameError: name 'missing_name' is not defined" in v.before.error and v.after.ok
    assert v.exit_status == 0 and v.blocks_write(False) is None
    assert "the change makes the app synthesize" in v.render_text()


# -- synthesis cannot run: one line each, naming why, with the app's last error lines ---------------
def _one_line(v) -> str:
    assert v.status == "cannot-run" and v.exit_status == 2
    reason = v.blocks_write(unsafe_fixes=True)
    assert reason == f"not written: {v.cannot_run.line}" and "\n" not in reason
    return v.cannot_run.line


def test_cannot_run_without_node(tmp_path, monkeypatch) -> None:
    root = make_app(tmp_path / "app", "kms.Key(self, 'Key')\n")
    monkeypatch.setenv("REMEDIATOR_NODE", str(tmp_path / "no-such-node"))
    v = verify_change(str(root), changed(root, "stacks/main.py", "'Key')", "'Key', enable_key_rotation=True)"))
    assert v.cannot_run.kind == "no-node" and v.before is None
    assert _one_line(v) == (f"synthesis cannot run: no Node.js: REMEDIATOR_NODE={tmp_path}/no-such-node "
                            f"is not an executable file")


def test_cannot_run_without_aws_cdk_lib_for_the_interpreter(tmp_path) -> None:
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    root = make_app(tmp_path / "app", "kms.Key(self, 'Key')\n")
    v = verify_change(str(root), changed(root, "stacks/main.py", "'Key')", "'Key', enable_key_rotation=True)"),
                      python=str(bare / "bin" / "python"))
    assert v.cannot_run.kind == "no-aws-cdk-lib"
    line = _one_line(v)
    assert line.startswith("synthesis cannot run: no aws-cdk-lib for ")
    assert str(bare / "bin" / "python") in line


@pytest.mark.synth
def test_cannot_run_when_the_app_raises(tmp_path) -> None:
    root = make_app(tmp_path / "app", "kms.Key(self, 'Key')\nraise RuntimeError('boom in the app')\n")
    v = verify_change(str(root), changed(root, "stacks/main.py", "'Key')", "'Key', enable_key_rotation=True)"),
                      nag=False)
    assert v.cannot_run.kind == "app-error" and v.cannot_run.side == "before"
    assert _one_line(v) == "synthesis cannot run (before the change): the app raises: RuntimeError: boom in the app"
    assert any("stacks/main.py" in line for line in v.cannot_run.lines)  # the app's last error lines
    assert v.cannot_run.lines[-1] == "RuntimeError: boom in the app"
    assert "error: synthesis cannot run" in v.render_text()


@pytest.mark.synth
def test_cannot_run_when_the_synth_times_out(tmp_path) -> None:
    root = make_app(tmp_path / "app", "kms.Key(self, 'Key')\n", files={
        "app.py": "import sys, time\nprint('still working', file=sys.stderr, flush=True)\ntime.sleep(120)\n"})
    v = verify_change(str(root), changed(root, "app.py", "120", "121"), nag=False, timeout=5)
    assert v.cannot_run.kind == "timeout"
    assert _one_line(v) == "synthesis cannot run (before the change): synth timed out after 5 s"
    assert "still working" in v.cannot_run.lines
    assert v.seconds < 60  # both synths were killed, not waited for


def test_changed_python_file_outside_the_copied_tree_cannot_be_verified(tmp_path) -> None:
    root = make_app(tmp_path / "app", "kms.Key(self, 'Key')\n")
    v = verify_change(str(root), {str(tmp_path / "elsewhere.py"): b"x = 1\n"})
    assert v.cannot_run.kind == "outside-app" and "elsewhere.py" in _one_line(v)
