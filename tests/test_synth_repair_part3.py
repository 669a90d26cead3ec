"""End to end for the repairs that follow the API's shape: an app with every mistake of that kind
fails to synthesize with the real aws-cdk-lib and node, and synthesizes after
``remediator fix --unsafe-fixes`` with each repair visible in the template."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

APP = os.path.join(os.path.dirname(__file__), "apps", "synth_repair_part3")

#: every mistake the app makes; none may survive the fix
MISTAKES = (
    "node.apply_aspect(",  # CDK v1 method -> Aspects.of(scope).add
    "bucket_name=f\"{construct_id}-",  # upper case from the construct id -> .lower()
    "S3_MANAGED",  # with an encryption key -> KMS
    "enable_dns_logging=",  # no equivalent anywhere: removed (unsafe)
    "enable_flow_logs_everywhere",  # a method that exists nowhere: removed (unsafe)
    "VER_8_0_MYSQL_3_02_0",  # matched by version numbers -> VER_3_02_0
    "DAYS_7",  # documented equivalent -> DEFAULT
    " description=",  # required twin -> replication_group_description
    "RetentionDays(7 if prod else 3)",  # each branch mapped
    "            enable_logging=True,\n            task_image_options",  # into task_image_options
    "grant_read_write(",  # self.table (another method) -> grant_read_write_data
    "grant_send(",  # a helper's return annotation -> grant_send_messages
    "metric_4xx",  # a parameter-typed receiver's reviewed rename -> metric_client_error
    "cloudwatch.SnsAction",  # companion module -> aws_cloudwatch_actions
    "evaluation_periods=3,\n                         period=",  # belongs to the metric -> metric.with_(...)
    "with_statistic(",  # CDK v1 -> with_(statistic=...)
)


def _synth(folder: str, outdir: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1", CDK_OUTDIR=outdir)
    return subprocess.run([sys.executable, "app.py"], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=300)


def _remediator(*args: str, cwd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "remediator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def _by_type(template: dict, type_: str) -> dict[str, dict]:
    return {k: r.get("Properties", {}) for k, r in template["Resources"].items() if r["Type"] == type_}


@pytest.mark.synth
def test_app_synthesizes_only_after_unsafe_fix(tmp_path) -> None:
    app = tmp_path / "app"
    shutil.copytree(APP, app)
    source = (app / "app.py").read_text()
    assert [m for m in MISTAKES if m not in source] == []

    before = _synth(str(app), str(tmp_path / "before"))
    assert before.returncode != 0
    assert "has no attribute 'apply_aspect'" in before.stderr

    safe = _remediator("check", ".", cwd=str(app))
    unsafe_only = [line for line in safe.stdout.splitlines() if " CDK1" in line and "--unsafe-fixes" in line]
    assert len(unsafe_only) == 2 and "more fixable with the `--unsafe-fixes` option" in safe.stdout, safe.stdout
    fixed = _remediator("fix", "--unsafe-fixes", "-j", "1", ".", cwd=str(app))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    after_source = (app / "app.py").read_text()
    assert [m for m in MISTAKES if m in after_source] == []
    # what the unsafe tier removed is named in the changelog, so its intent can be restored by hand
    changelog = (app / "CHANGELOG.md").read_text()
    assert "`enable_dns_logging=True`" in changelog and "`vpc.enable_flow_logs_everywhere()`" in changelog
    check = _remediator("check", "--select", "CDK1", ".", cwd=str(app))
    fixable = [line for line in check.stdout.splitlines() if line.endswith("[*]")]
    assert fixable == [], check.stdout

    out = tmp_path / "after"
    after = _synth(str(app), str(out))
    assert after.returncode == 0, after.stderr[-3000:]
    template = json.loads((out / "Platform.template.json").read_text())

    alarms = {p["MetricName"] + ":" + str(p.get("Statistic") or p.get("ExtendedStatistic")): p
              for p in _by_type(template, "AWS::CloudWatch::Alarm").values()}
    # the alarm's period and statistic moved into the metric
    assert alarms["Latency:Maximum"]["Period"] == 60
    assert "Latency:p99" in alarms  # with_statistic("p99") -> with_(statistic="p99")
    client_errors = alarms["4XXError:Sum"]  # metric_4xx -> metric_client_error
    assert client_errors["AlarmActions"] == [{"Ref": next(iter(_by_type(template, "AWS::SNS::Topic")))}]

    (cluster,) = _by_type(template, "AWS::RDS::DBCluster").values()
    assert cluster["EngineVersion"] == "8.0.mysql_aurora.3.02.0"
    (writer,) = _by_type(template, "AWS::RDS::DBInstance").values()
    assert writer["PerformanceInsightsRetentionPeriod"] == 7
    (group,) = _by_type(template, "AWS::ElastiCache::ReplicationGroup").values()
    assert group["ReplicationGroupDescription"] == "user sessions"
    retention = [p.get("RetentionInDays") for k, p in _by_type(template, "AWS::Logs::LogGroup").items()
                 if k.startswith("AuditLogs")]
    assert retention == [7]  # prod=True -> ONE_WEEK
    (task,) = _by_type(template, "AWS::ECS::TaskDefinition").values()
    assert task["ContainerDefinitions"][0]["LogConfiguration"]["LogDriver"] == "awslogs"
    (bucket,) = _by_type(template, "AWS::S3::Bucket").values()
    assert bucket["BucketName"] == "platform-reports"
    sse = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
    assert sse["SSEAlgorithm"] == "aws:kms"
    assert {"Key": "team", "Value": "platform"} in bucket["Tags"]  # the aspect now applies

    actions = json.dumps([p["PolicyDocument"] for p in _by_type(template, "AWS::IAM::Policy").values()])
    assert "dynamodb:PutItem" in actions and "sqs:SendMessage" in actions
