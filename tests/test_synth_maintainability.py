"""CDK501, CDK502 and CDK505 on a real app, synthesized with aws-cdk-lib and Node.js before and
after `remediator fix`: the outputs, the tags and the extracted asset are in the cloud assembly, and
the deployment replaces nothing (the key pair, whose tags are create-only, is left untagged; tagging
it would replace it, as the control shows)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from remediator.verify.compare import diff_templates
from remediator.verify.replacement import find_replacements

HANDLER = ("import json\n"
           "import os\n"
           "\n"
           "def handler(event, context):\n"
           "    return {'statusCode': 200, 'body': json.dumps({'table': os.environ['TABLE']})}\n")

STACK = textwrap.dedent('''\
    import aws_cdk as cdk
    from aws_cdk import aws_dynamodb as dynamodb
    from aws_cdk import aws_ec2 as ec2
    from aws_cdk import aws_kms as kms
    from aws_cdk import aws_lambda as lambda_
    from aws_cdk import aws_s3 as s3
    from constructs import Construct


    class PlatformStack(cdk.Stack):
        def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
            super().__init__(scope, construct_id, **kwargs)
            env_name = self.node.try_get_context("env") or "dev"
            vpc = ec2.Vpc(self, "AppVpc", max_azs=2, nat_gateways=1)
            key = kms.Key(self, "DataKey", enable_key_rotation=True)
            s3.Bucket(self, "DataBucket", encryption_key=key, enforce_ssl=True)
            table = dynamodb.Table(
                self,
                "Orders",
                table_name=f"orders-{env_name}",
                partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            )
            ec2.KeyPair(self, "Admin")
            lambda_.Function(
                self,
                "Reporter",
                runtime=lambda_.Runtime.PYTHON_3_12,
                handler="index.handler",
                code=lambda_.Code.from_inline(CODE),
                environment={"TABLE": table.table_name},
            )
''').replace("CODE", json.dumps(HANDLER))

APP = textwrap.dedent('''\
    import aws_cdk as cdk

    from stacks.platform import PlatformStack

    app = cdk.App()
    PlatformStack(app, "Platform")
    app.synth()
''')

CONFIG = textwrap.dedent('''\
    [tool.remediator]
    extend-select = ["CDK502"]

    [tool.remediator.rules.CDK502]
    tags = { Owner = "platform-team", Project = "orders" }
''')


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1", **env))


def _synth(app: Path, outdir: Path, cwd: Path) -> dict:
    done = _run([sys.executable, str(app / "app.py")], cwd, CDK_OUTDIR=str(outdir))
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((outdir / "Platform.template.json").read_text())


def _of_type(template: dict, kind: str) -> dict[str, dict]:
    return {lid: r for lid, r in template["Resources"].items() if r["Type"] == kind}


def _tags(resource: dict) -> dict[str, object]:
    return {t["Key"]: t["Value"] for t in resource.get("Properties", {}).get("Tags") or []}


@pytest.mark.synth
@pytest.mark.skipif(shutil.which("node") is None, reason="synth needs node")
def test_fixed_stack_synthesizes_with_outputs_tags_and_the_extracted_asset(tmp_path: Path) -> None:
    app = tmp_path / "app"
    (app / "stacks").mkdir(parents=True)
    (app / "stacks" / "__init__.py").write_text("")
    (app / "stacks" / "platform.py").write_text(STACK)
    (app / "app.py").write_text(APP)
    (app / "cdk.json").write_text('{"app": "python3 app.py"}')
    (app / "pyproject.toml").write_text(CONFIG)
    before = _synth(app, tmp_path / "before", app)
    assert "Outputs" not in before

    fixed = _run([sys.executable, "-m", "remediator", "fix", "--unsafe-fixes", "--select", "CDK501,CDK502,CDK505",
                  "--no-changelog", "."], app)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    extracted = app / "stacks" / "lambda" / "reporter" / "index.py"
    assert extracted.read_text() == HANDLER

    # synthesized from another folder: the asset path is built from the stack file's location
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "after"
    after = _synth(app, out, elsewhere)

    # CDK501: ids, subnet ids and ARNs, each referring to its resource
    outputs = after["Outputs"]
    (vpc,) = _of_type(after, "AWS::EC2::VPC")
    assert outputs["AppVpcId"]["Value"] == {"Ref": vpc}
    subnets = _of_type(after, "AWS::EC2::Subnet")
    for group in ("Public", "Private"):
        joined = outputs[f"AppVpc{group}SubnetIds"]["Value"]["Fn::Join"]
        assert joined[0] == "," and len(joined[1]) == 2
        assert all(r["Ref"] in subnets and f"{group}Subnet" in r["Ref"] for r in joined[1])
    for output, kind in (("DataKeyArn", "AWS::KMS::Key"), ("DataBucketArn", "AWS::S3::Bucket"),
                         ("OrdersTableArn", "AWS::DynamoDB::Table"), ("ReporterFunctionArn", "AWS::Lambda::Function")):
        (logical,) = _of_type(after, kind)
        assert outputs[output]["Value"] == {"Fn::GetAtt": [logical, "Arn"]}, output

    # CDK502: every taggable resource carries the tags, except the key pair (create-only tags)
    expected = {"Environment": "dev", "Owner": "platform-team", "Project": "orders"}
    for kind in ("AWS::EC2::VPC", "AWS::KMS::Key", "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Lambda::Function"):
        for logical, resource in _of_type(after, kind).items():
            assert expected.items() <= _tags(resource).items(), (logical, _tags(resource))
    (key_pair,) = _of_type(after, "AWS::EC2::KeyPair").values()
    assert _tags(key_pair) == {}

    # CDK505: the function's code is the asset built from the extracted file
    (function,) = _of_type(after, "AWS::Lambda::Function").values()
    assert "ZipFile" not in function["Properties"]["Code"] and "S3Key" in function["Properties"]["Code"]
    assert function["Properties"]["Handler"] == "index.handler"
    manifest = json.loads((out / "Platform.assets.json").read_text())
    source = manifest["files"][function["Properties"]["Code"]["S3Key"].split(".")[0]]["source"]
    assert source["packaging"] == "zip"
    asset = out / source["path"]
    assert sorted(p.name for p in asset.iterdir()) == ["index.py"]
    assert (asset / "index.py").read_bytes() == extracted.read_bytes()

    # the deployment replaces nothing: outputs and tags are updates, the code an update
    assert find_replacements({"Platform": before}, {"Platform": after},
                             diff_templates({"Platform": before}, {"Platform": after})) == []

    # control: the same tags without the exclusion would replace the key pair
    source = (app / "stacks" / "platform.py").read_text()
    assert "exclude_resource_types=" in source
    (app / "stacks" / "platform.py").write_text(source.replace(", exclude_resource_types=replaced_by_new_tags", ""))
    control = _synth(app, tmp_path / "control", app)
    replaced = find_replacements({"Platform": before}, {"Platform": control},
                                 diff_templates({"Platform": before}, {"Platform": control}))
    assert [(r.type, r.prop) for r in replaced] == [("AWS::EC2::KeyPair", "Tags")]
