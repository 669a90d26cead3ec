"""End to end for CDK103/CDK104: an app with unknown keywords and members fails to synthesize with
the real aws-cdk-lib and node, and synthesizes after ``remediator fix`` with the intended template."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

APP = os.path.join(os.path.dirname(__file__), "apps", "synth_cdk103_104")

#: every mistake the app makes; none may survive the fix
MISTAKES = ("versioning=", ".grant(", ".arn)", "memory=", "SEVEN_DAYS", "secretsmanager.SecretValue", "THIRTY_DAYS",
            "cloud_watch_logs_group=", "secret_names=", " backup_window=", " maintenance_window=")


def _synth(folder: str, outdir: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1", CDK_OUTDIR=outdir)
    return subprocess.run([sys.executable, "app.py"], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=300)


def _remediator(*args: str, cwd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "remediator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def _resources(outdir: str, stack: str, type_: str) -> list[dict]:
    with open(os.path.join(outdir, f"{stack}.template.json"), encoding="utf-8") as fh:
        template = json.load(fh)
    return [r.get("Properties", {}) for r in template["Resources"].values() if r["Type"] == type_]


@pytest.mark.synth
def test_app_synthesizes_only_after_fix(tmp_path) -> None:
    app = tmp_path / "app"
    shutil.copytree(APP, app)
    source = (app / "app.py").read_text()
    assert all(m in source for m in MISTAKES)

    before = _synth(str(app), str(tmp_path / "before"))
    assert before.returncode != 0
    assert "unexpected keyword argument 'versioning'" in before.stderr

    fixed = _remediator("fix", "--select", "CDK103,CDK104", "--no-changelog", "-j", "1", ".", cwd=str(app))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    after_source = (app / "app.py").read_text()
    assert [m for m in MISTAKES if m in after_source] == []
    check = _remediator("check", "--select", "CDK103,CDK104", ".", cwd=str(app))
    assert check.returncode == 0, check.stdout

    out = str(tmp_path / "after")
    after = _synth(str(app), out)
    assert after.returncode == 0, after.stderr[-3000:]

    # the fixed names mean what the drafts meant
    (bucket,) = _resources(out, "Storage", "AWS::S3::Bucket")
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    policies = json.dumps(_resources(out, "Storage", "AWS::IAM::Policy"))
    # Bucket.grant -> exactly the actions given, never grant_read/grant_read_write's wider sets
    assert "s3:PutObjectAcl" in policies and "s3:ListBucket" in policies and '"s3:PutObject"' in policies
    assert "s3:GetObject*" not in policies and "s3:DeleteObject" not in policies
    assert "shared-bucket-name" in policies
    (fn,) = _resources(out, "Compute", "AWS::Lambda::Function")
    assert fn["MemorySize"] == 512
    assert {g.get("RetentionInDays") for g in _resources(out, "Compute", "AWS::Logs::LogGroup")} == {7}
    assert _resources(out, "Audit", "AWS::Logs::LogGroup")[0]["RetentionInDays"] == 30
    (trail,) = _resources(out, "Audit", "AWS::CloudTrail::Trail")
    assert "CloudWatchLogsLogGroupArn" in trail
    (db,) = _resources(out, "Database", "AWS::RDS::DBInstance")
    assert db["PreferredBackupWindow"] == "03:00-04:00"
    assert db["PreferredMaintenanceWindow"] == "sun:05:00-sun:06:00"
    secrets = _resources(out, "Database", "AWS::SecretsManager::Secret")
    assert [s.get("Name") for s in secrets] == ["app-db-admin"]


def test_reviewed_renames_replace_a_missing_keyword_with_an_existing_one() -> None:
    """Each reviewed rename starts from a keyword the API lacks and ends at one it has."""
    from remediator.api import get_index
    from remediator.transforms.api_repair.cdk103_unknown_keyword import KEYWORD_RENAMES

    api = get_index(None, None)
    for (owner, old), new in KEYWORD_RENAMES.items():
        keywords = api.constructor_keywords(owner)
        assert keywords is not None, owner
        assert old not in keywords and new in keywords, (owner, old, new)
