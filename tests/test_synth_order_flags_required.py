"""Issue 5, end to end with real aws-cdk-lib and Node.js: the team-written app in
tests/apps/order_flags_required/ fails to synthesize for each of three reasons, each on its own, and
synthesizes after ``remediator fix``.

    app.py                    App(context={v1 flags})                          CDK111
    stacks/storage_stack.py   node.set_context(v1 flag)                        CDK111
    stacks/storage_stack.py   data bucket created before the logs bucket its
                              helper reads (AttributeError)                     CDK110
    stacks/api_stack.py       AccessLogFormat.json_with_standard_fields()
                              without its nine required booleans (TypeError)    CDK112
    stacks/logs_stack.py      RetentionDays(7), RetentionDays(731),
                              BillingMode("pay_per_request") (ValueError)       CDK112

"Each on its own": the app is copied and fixed with every rule but one (``--select`` of the
other two), then only the stack that shows the remaining mistake is built (``ISSUE5_STACKS``);
synthesis must still fail, with that mistake's own error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

#: every test here synthesizes with aws-cdk-lib and Node.js
pytestmark = pytest.mark.synth

APP = os.path.join(os.path.dirname(__file__), "apps", "order_flags_required")
CODES = ("CDK110", "CDK111", "CDK112")

#: (rule left unfixed, stacks to build, text the synth error must contain)
ALONE = [
    ("CDK110", "storage", ["AttributeError", "logs_bucket"]),
    ("CDK111", "storage", ["This flag existed on CDKv1 but has been removed in CDKv2"]),
    ("CDK112", "api", ["TypeError", "json_with_standard_fields", "missing 9 required keyword-only arguments"]),
    ("CDK112", "logs", ["ValueError", "7 is not a valid RetentionDays"]),
]


def _synth(app_dir: str, outdir: str, stacks: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1", CDK_OUTDIR=outdir)
    env.pop("CDK_CONTEXT_JSON", None)
    env.pop("ISSUE5_STACKS", None)
    if stacks is not None:
        env["ISSUE5_STACKS"] = stacks
    return subprocess.run([sys.executable, "app.py"], cwd=app_dir, capture_output=True, text=True, env=env,
                          timeout=600)


def _remediator(*args: str, cwd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "remediator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def _copy(dest: str) -> str:
    shutil.copytree(APP, dest, ignore=shutil.ignore_patterns("__pycache__", "cdk.out", "CHANGELOG.md"))
    return dest


def _resources(template: dict, kind: str) -> list[dict]:
    return [r.get("Properties", {}) for r in template["Resources"].values() if r["Type"] == kind]


@pytest.mark.parametrize("code,stacks,expected", ALONE, ids=[f"{c}-{s}" for c, s, _ in ALONE])
def test_each_mistake_alone_fails_synth(code: str, stacks: str, expected: list[str], tmp_path) -> None:
    app_dir = _copy(str(tmp_path / "app"))
    others = ",".join(c for c in CODES if c != code)
    fixed = _remediator("fix", "--no-changelog", "--select", others, ".", cwd=app_dir)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    # the mistake left in is still reported by its rule
    left = _remediator("check", "--format", "json", "--select", code, ".", cwd=app_dir)
    assert any(f["code"] == code and f["fixable"] for f in json.loads(left.stdout)), left.stdout

    result = _synth(app_dir, str(tmp_path / "out"), stacks)
    assert result.returncode != 0, f"{code} left unfixed, yet {stacks} synthesized"
    for text in expected:
        assert text in result.stderr, result.stderr[-3000:]


def test_app_synthesizes_after_fix_of_order_flags_and_required_arguments(tmp_path) -> None:
    app_dir = _copy(str(tmp_path / "app"))
    checked = _remediator("check", "--format", "json", ".", cwd=app_dir)
    found = json.loads(checked.stdout)
    assert set(CODES) <= {f["code"] for f in found}

    fixed = _remediator("fix", "--changelog", "CHANGELOG.md", ".", cwd=app_dir)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr

    out = tmp_path / "out"
    after = _synth(app_dir, str(out))
    assert after.returncode == 0, after.stderr[-4000:]

    # CDK110: the data bucket logs to the logs bucket, which now exists first
    storage = json.loads((out / "Storage.template.json").read_text())
    buckets = {k: r for k, r in storage["Resources"].items() if r["Type"] == "AWS::S3::Bucket"}
    logs_id = next(k for k in buckets if k.startswith("LogsBucket"))
    data = next(r["Properties"] for k, r in buckets.items() if k.startswith("DataBucket"))
    assert data["LoggingConfiguration"] == {"DestinationBucketName": {"Ref": logs_id}, "LogFilePrefix": "data/"}
    # CDK111: the flags are gone and the features they guarded behave as in v2 (key policy, grants)
    assert _resources(storage, "AWS::KMS::Key")
    assert "s3:PutObject" in json.dumps(_resources(storage, "AWS::IAM::Policy"))
    # CDK112: every standard field is in the access log format; enums became members
    api = json.loads((out / "Api.template.json").read_text())
    (stage,) = _resources(api, "AWS::ApiGateway::Stage")
    fmt = stage["AccessLogSetting"]["Format"]
    for field in ("$context.identity.caller", "$context.httpMethod", "$context.identity.sourceIp",
                  "$context.protocol", "$context.requestTime", "$context.resourcePath",
                  "$context.responseLength", "$context.status", "$context.identity.user"):
        assert field in fmt, (field, fmt)
    logs = json.loads((out / "Logs.template.json").read_text())
    assert sorted(g["RetentionInDays"] for g in _resources(logs, "AWS::Logs::LogGroup")) == [7, 731]
    (table,) = _resources(logs, "AWS::DynamoDB::Table")
    assert table["BillingMode"] == "PAY_PER_REQUEST"

    rechecked = _remediator("check", "--format", "json", "--select", ",".join(CODES), ".", cwd=app_dir)
    assert json.loads(rechecked.stdout) == [], rechecked.stdout
    changelog = (tmp_path / "app" / "CHANGELOG.md").read_text()
    for code in CODES:
        assert f"({code})" in changelog, changelog
