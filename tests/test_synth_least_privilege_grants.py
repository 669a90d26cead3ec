"""CDK104 never widens a permission: after ``remediator fix``, each ``bucket.grant(role, *actions)``
synthesizes (real aws-cdk-lib and node) to a policy with exactly the actions given."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

APP = textwrap.dedent('''
    import aws_cdk as cdk
    from aws_cdk import aws_iam as iam
    from aws_cdk import aws_kms as kms
    from aws_cdk import aws_s3 as s3


    class GrantsStack(cdk.Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            bucket = s3.Bucket(self, "Data")
            key = kms.Key(self, "Key", enable_key_rotation=True)
            encrypted = s3.Bucket(self, "Encrypted", encryption_key=key)
            grants = {
                "GetOnly": (bucket, ("s3:GetObject",)),
                "GetPut": (bucket, ("s3:GetObject", "s3:PutObject")),
                "List": (bucket, ("s3:ListBucket", "s3:GetObject")),
                "Read": (bucket, ("s3:GetObject*", "s3:GetBucket*", "s3:List*")),
                "EncryptedRead": (encrypted, ("s3:GetObject*", "s3:GetBucket*", "s3:List*")),
            }
            roles = {name: iam.Role(self, name, assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
                     for name in grants}
            bucket.grant(roles["GetOnly"], "s3:GetObject")
            bucket.grant(roles["GetPut"], "s3:GetObject", "s3:PutObject")
            bucket.grant(roles["List"], "s3:ListBucket", "s3:GetObject")
            bucket.grant(roles["Read"], "s3:GetObject*", "s3:GetBucket*", "s3:List*")
            encrypted.grant(roles["EncryptedRead"], "s3:GetObject*", "s3:GetBucket*", "s3:List*")


    app = cdk.App()
    GrantsStack(app, "Grants")
    app.synth()
''')

EXPECTED = {  # role -> the actions its policy grants, exactly
    "GetOnly": {"s3:GetObject"},
    "GetPut": {"s3:GetObject", "s3:PutObject"},
    "List": {"s3:ListBucket", "s3:GetObject"},
    "Read": {"s3:GetObject*", "s3:GetBucket*", "s3:List*"},
    "EncryptedRead": {"s3:GetObject*", "s3:GetBucket*", "s3:List*"},  # and no kms:Decrypt
}


def _run(args: list[str], cwd: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1", **env))


@pytest.mark.synth
@pytest.mark.skipif(shutil.which("node") is None, reason="synth needs node")
def test_fixed_grants_synthesize_to_exactly_the_given_actions(tmp_path) -> None:
    (tmp_path / "app.py").write_text(APP)
    before = _run([sys.executable, "app.py"], str(tmp_path), CDK_OUTDIR=str(tmp_path / "before"))
    assert before.returncode != 0 and "has no attribute 'grant'" in before.stderr, before.stderr[-2000:]

    fixed = _run([sys.executable, "-m", "remediator", "fix", "--select", "CDK104", "--no-changelog", "."],
                 str(tmp_path))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert ".grant(" not in (tmp_path / "app.py").read_text()

    out = tmp_path / "after"
    after = _run([sys.executable, "app.py"], str(tmp_path), CDK_OUTDIR=str(out))
    assert after.returncode == 0, after.stderr[-3000:]
    template = json.loads((out / "Grants.template.json").read_text())
    resources = template["Resources"]
    role_of = {logical: next(name for name in EXPECTED if logical.startswith(name))
               for logical, r in resources.items() if r["Type"] == "AWS::IAM::Role"}
    granted: dict[str, set[str]] = {}
    for r in resources.values():
        if r["Type"] != "AWS::IAM::Policy":
            continue
        (role_ref,) = r["Properties"]["Roles"]
        actions = set()
        for statement in r["Properties"]["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            listed = statement["Action"]
            actions |= {listed} if isinstance(listed, str) else set(listed)
        granted[role_of[role_ref["Ref"]]] = actions
    assert granted == EXPECTED
