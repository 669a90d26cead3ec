"""End to end: an AI-drafted CDK app (tests/apps/api_mistakes/) with a dozen mistakes of
the CDK1xx/CDK2xx kinds fails to synthesize; after ``remediator fix`` it synthesizes (real
aws-cdk-lib and Node.js), and the template shows that each mistake was repaired as meant.

The mistakes (file: what, rule). Each one but the deprecated ``point_in_time_recovery`` fails
synth on its own (verified by hand with aws-cdk-lib 2.275.0, putting each back alone into the
fixed app: ImportError, NameError, TypeError, AttributeError, "Invalid S3 bucket name (value:
data-None-...)", "AWS_REGION environment variable is reserved", "type of argument log_format must
be one of (str, NoneType)"):
    app.py                try_get_context("env") with no default -> "data-None" bucket name  CDK201
    stacks/web_stack.py   from aws_cdk import aws_elbv2 (no such module)                        CDK101
    stacks/web_stack.py   cloudtrail.Trail(cloud_watch_logs_group=...)                          CDK103
    stacks/web_stack.py   logs.RetentionDays.SEVEN_DAYS                                         CDK104
    stacks/data_stack.py  self.environment = ... (read-only Stack property)                     CDK106
    stacks/data_stack.py  dynamodb.Table(point_in_time_recovery=True) (deprecated)              CDK105
    stacks/data_stack.py  logs.RetentionDays.THIRTY_DAYS                                        CDK104
    stacks/data_stack.py  lambda_.Function(log_format=lambda_.LogFormat.JSON) (deprecated)      CDK105
    stacks/data_stack.py  Lambda environment {"AWS_REGION": ...}                                CDK204
    stacks/data_stack.py  bucket.grant(fn, "s3:GetObject") (no such method)                     CDK104
    stacks/data_stack.py  secretsmanager.SecretValue (lives in aws_cdk)                         CDK104
    stacks/data_stack.py  cloudwatch_actions.SnsAction(...) never imported                      CDK102
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

APP = os.path.join(os.path.dirname(__file__), "apps", "api_mistakes")
ISSUE3_CODES = {"CDK101", "CDK102", "CDK103", "CDK104", "CDK105", "CDK106", "CDK201", "CDK204"}


def _synth(app_dir: str, outdir: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1", CDK_OUTDIR=outdir)
    env.pop("CDK_CONTEXT_JSON", None)
    return subprocess.run([sys.executable, "app.py"], cwd=app_dir, capture_output=True, text=True, env=env,
                          timeout=600)


def _remediator(*args: str, cwd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "remediator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def _resources(template: dict, kind: str) -> list[dict]:
    return [r.get("Properties", {}) for r in template["Resources"].values() if r["Type"] == kind]


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("api_mistakes")
    target = os.path.join(root, "app")
    shutil.copytree(APP, target, ignore=shutil.ignore_patterns("__pycache__", "cdk.out", "CHANGELOG.md"))
    return target


def test_app_with_api_mistakes_fails_before_and_synthesizes_after_fix(app_dir: str, tmp_path) -> None:
    # 1. remediator sees every kind of mistake in the untouched app
    checked = _remediator("check", "--format", "json", "--no-changelog", ".", cwd=app_dir)
    assert checked.returncode in (0, 1), checked.stderr
    findings = json.loads(checked.stdout)
    found_codes = {f["code"] for f in findings}
    assert ISSUE3_CODES <= found_codes, f"not detected: {sorted(ISSUE3_CODES - found_codes)}"

    # 2. the app as drafted does not synthesize
    before = _synth(app_dir, str(tmp_path / "before"))
    assert before.returncode != 0, "the drafted app was expected to fail synth"

    # 3. fix it: a safe fix leaves the context default alone (app.py formats the value into the
    # stack's id, so a stack deployed without the key would be renamed: unsafe), and the app still
    # fails on the None; --unsafe-fixes gives it the default
    safe = _remediator("fix", "--changelog", "CHANGELOG.md", ".", cwd=app_dir)
    assert safe.returncode == 0, safe.stdout + safe.stderr
    assert "try_get_context(\"env\")\n" in open(os.path.join(app_dir, "app.py")).read()
    fixed = _remediator("fix", "--unsafe-fixes", "--changelog", "CHANGELOG.md", ".", cwd=app_dir)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr

    # 4. now it synthesizes
    after = _synth(app_dir, str(tmp_path / "after"))
    assert after.returncode == 0, after.stderr[-4000:]
    data = json.loads((tmp_path / "after" / "Data-dev.template.json").read_text())  # CDK201: "dev", not None
    web = json.loads((tmp_path / "after" / "Web.template.json").read_text())

    # 5. and each repair did what it should
    buckets = _resources(data, "AWS::S3::Bucket")
    assert any(b.get("BucketName") == "data-dev-api-mistakes-bucket" for b in buckets), buckets  # CDK106 + CDK201
    (table,) = _resources(data, "AWS::DynamoDB::Table")
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}  # CDK105
    (function,) = [f for f in _resources(data, "AWS::Lambda::Function") if f.get("Handler") == "index.handler"]
    assert function["LoggingConfig"]["LogFormat"] == "JSON"  # CDK105 log_format -> logging_format
    variables = function["Environment"]["Variables"]
    assert "TABLE_NAME" in variables and "AWS_REGION" not in variables  # CDK204
    assert 30 in [g.get("RetentionInDays") for g in _resources(data, "AWS::Logs::LogGroup")]  # CDK104 enum
    policies = json.dumps(_resources(data, "AWS::IAM::Policy"))
    assert "s3:GetObject" in policies  # CDK104: bucket.grant -> a grant that really grants reads
    (secret,) = _resources(data, "AWS::SecretsManager::Secret")
    assert secret["SecretString"] == "change-me"  # CDK104: aws_cdk.SecretValue
    (alarm,) = [a for a in _resources(data, "AWS::CloudWatch::Alarm") if a["MetricName"] == "Errors"]
    assert alarm.get("AlarmActions"), alarm  # CDK102: the SNS action is there (CDK410 adds the table's alarms)
    assert _resources(web, "AWS::ElasticLoadBalancingV2::LoadBalancer")  # CDK101
    (trail,) = _resources(web, "AWS::CloudTrail::Trail")
    assert "CloudWatchLogsLogGroupArn" in trail  # CDK103: cloud_watch_log_group
    assert 7 in [g.get("RetentionInDays") for g in _resources(web, "AWS::Logs::LogGroup")]  # CDK104 enum

    # 6. nothing of these kinds is left, and the changelog names every rule that changed the app
    rechecked = _remediator("check", "--format", "json", "--no-changelog", ".", cwd=app_dir)
    left = [f for f in json.loads(rechecked.stdout) if f["code"] in ISSUE3_CODES and f["fixable"]]
    assert not left, left
    with open(os.path.join(app_dir, "CHANGELOG.md"), encoding="utf-8") as fh:
        changelog = fh.read()
    for code in sorted(ISSUE3_CODES):
        assert f"({code})" in changelog, f"{code} missing from the changelog"
