"""CDK202, CDK203, CDK205 and CDK206 with real aws-cdk-lib and Node.js: the app is fixed by
``remediator fix`` (with ``--unsafe-fixes``), synthesized before and after, and each template
shows what the rule promises."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from remediator.verify.replacement import changed_create_only

APP = textwrap.dedent('''\
    import aws_cdk as cdk
    from aws_cdk import aws_cloudtrail as cloudtrail
    from aws_cdk import aws_dynamodb as dynamodb
    from aws_cdk import aws_ec2 as ec2
    from aws_cdk import aws_iam as iam
    from aws_cdk import aws_kms as kms
    from aws_cdk import aws_lambda as lambda_
    from aws_cdk import aws_logs as logs
    from aws_cdk import aws_s3 as s3
    from aws_cdk import aws_sqs as sqs


    class NamesStack(cdk.Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            s3.Bucket(self, "Uploads", bucket_name="acme-uploads")
            dynamodb.Table(self, "Orders", table_name="orders",
                           partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING))
            sqs.Queue(self, "Jobs", queue_name="jobs.fifo", fifo=True)


    class ConcurrencyStack(cdk.Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            lambda_.Function(self, "Processor", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                             code=lambda_.Code.from_inline("def handler(event, context):\\n    return event\\n"),
                             reserved_concurrent_executions=10)


    class FlowLogStack(cdk.Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            vpc = ec2.Vpc(self, "Vpc", max_azs=1, nat_gateways=0)
            flow_role = iam.Role(
                self,
                "FlowLogRole",
                assumed_by=iam.ServicePrincipal("vpc-flow-logs.amazonaws.com"),
                managed_policies=[
                    iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchAgentServerPolicy"),
                    iam.ManagedPolicy.from_aws_managed_policy_name("service-role/VPCFlowLogsDeliveryRolePolicy"),
                ],
            )
            ec2.FlowLog(self, "FlowLog", resource_type=ec2.FlowLogResourceType.from_vpc(vpc),
                        destination=ec2.FlowLogDestination.to_cloud_watch_logs(logs.LogGroup(self, "Logs"), flow_role))


    class TrailStack(cdk.Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            trail_key = kms.Key(self, "TrailKey", enable_key_rotation=True)
            cloudtrail.Trail(self, "Trail", encryption_key=trail_key)


    app = cdk.App()
    NamesStack(app, "Names")
    ConcurrencyStack(app, "Concurrency")
    FlowLogStack(app, "FlowLogs")
    TrailStack(app, "Trails")
    app.synth()
''')

STACKS = ("Names", "Concurrency", "FlowLogs", "Trails")


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1", **env))


def _synth(folder: Path, out: Path, context: dict[str, str] | None = None) -> dict[str, dict]:
    env = {"CDK_OUTDIR": str(out)}
    if context:
        env["CDK_CONTEXT_JSON"] = json.dumps(context)
    done = _run([sys.executable, "app.py"], folder, **env)
    assert done.returncode == 0, done.stderr[-3000:]
    return {name: json.loads((out / f"{name}.template.json").read_text())["Resources"] for name in STACKS}


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> dict[str, dict[str, dict]]:
    if shutil.which("node") is None:
        pytest.skip("synth needs node")
    folder = tmp_path_factory.mktemp("deployment_app")
    (folder / "app.py").write_text(APP)
    before = _synth(folder, folder / "before")
    fixed = _run([sys.executable, "-m", "remediator", "fix", "--select", "CDK202,CDK203,CDK205,CDK206",
                  "--unsafe-fixes", "--no-changelog", "."], folder)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    after = _synth(folder, folder / "after")
    prod = _synth(folder, folder / "prod", {"environmentSuffix": "prod"})
    return {"before": before, "after": after, "prod": prod}


def _of_type(resources: dict, kind: str) -> dict[str, dict]:
    return {logical: r for logical, r in resources.items() if r["Type"] == kind}


def _names(resources: dict) -> set[str]:
    props = [r.get("Properties", {}) for r in resources.values()]
    return {p[k] for p in props for k in ("BucketName", "TableName", "QueueName") if k in p}


@pytest.mark.synth
def test_cdk202_names_carry_the_environment_suffix(templates) -> None:
    assert _names(templates["before"]["Names"]) == {"acme-uploads", "orders", "jobs.fifo"}
    assert _names(templates["after"]["Names"]) == {"acme-uploads-dev", "orders-dev", "jobs-dev.fifo"}
    assert _names(templates["prod"]["Names"]) == {"acme-uploads-prod", "orders-prod", "jobs-prod.fifo"}
    # the same resources (logical ids), renamed: the name is create-only in each type's CloudFormation
    # schema, so the next deploy replaces them, as the finding and the changelog say
    before, after = templates["before"]["Names"], templates["after"]["Names"]
    assert set(before) == set(after)
    replaced = {after[logical]["Type"]: [prop for prop, _, _ in changed_create_only(
        after[logical]["Type"], before[logical].get("Properties", {}), after[logical].get("Properties", {}))]
        for logical in after if after[logical]["Type"] != "AWS::CDK::Metadata"}
    assert replaced == {"AWS::S3::Bucket": ["BucketName"], "AWS::DynamoDB::Table": ["TableName"],
                        "AWS::SQS::Queue": ["QueueName"]}


@pytest.mark.synth
def test_cdk203_no_reserved_concurrency(templates) -> None:
    (before,) = _of_type(templates["before"]["Concurrency"], "AWS::Lambda::Function").values()
    (after,) = _of_type(templates["after"]["Concurrency"], "AWS::Lambda::Function").values()
    assert before["Properties"]["ReservedConcurrentExecutions"] == 10
    assert "ReservedConcurrentExecutions" not in after["Properties"]


@pytest.mark.synth
def test_cdk205_role_keeps_its_other_policies_and_the_flow_log_remains(templates) -> None:
    def role_policies(resources: dict) -> list[str]:
        (role,) = [r for logical, r in _of_type(resources, "AWS::IAM::Role").items() if logical.startswith("FlowLogRole")]
        return [json.dumps(arn) for arn in role["Properties"]["ManagedPolicyArns"]]

    before = role_policies(templates["before"]["FlowLogs"])
    after = role_policies(templates["after"]["FlowLogs"])
    assert len(before) == 2 and any("VPCFlowLogsDeliveryRolePolicy" in p for p in before)
    assert len(after) == 1 and "CloudWatchAgentServerPolicy" in after[0]
    flow_before = _of_type(templates["before"]["FlowLogs"], "AWS::EC2::FlowLog")
    flow_after = _of_type(templates["after"]["FlowLogs"], "AWS::EC2::FlowLog")
    assert set(flow_before) == set(flow_after) and len(flow_after) == 1  # same logical id: not replaced
    # the role is the same resource, and CDK still grants it what the flow log needs
    assert set(_of_type(templates["before"]["FlowLogs"], "AWS::IAM::Role")) == \
        set(_of_type(templates["after"]["FlowLogs"], "AWS::IAM::Role"))
    for kind in ("AWS::IAM::Role", "AWS::EC2::FlowLog"):  # nothing the deployment would replace
        for logical, resource in _of_type(templates["after"]["FlowLogs"], kind).items():
            old = templates["before"]["FlowLogs"][logical]
            assert changed_create_only(kind, old["Properties"], resource["Properties"]) == []
    policies = _of_type(templates["after"]["FlowLogs"], "AWS::IAM::Policy")
    actions = {a for p in policies.values() for s in p["Properties"]["PolicyDocument"]["Statement"]
               for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])}
    assert {"logs:CreateLogStream", "logs:PutLogEvents"} <= actions


@pytest.mark.synth
def test_cdk206_key_policy_lets_cloudtrail_encrypt(templates) -> None:
    def statements(resources: dict) -> list[dict]:
        (key,) = _of_type(resources, "AWS::KMS::Key").values()
        return key["Properties"]["KeyPolicy"]["Statement"]

    def for_cloudtrail(stmts: list[dict]) -> list[dict]:
        return [s for s in stmts if s.get("Principal", {}).get("Service") == "cloudtrail.amazonaws.com"]

    assert for_cloudtrail(statements(templates["before"]["Trails"])) == []
    added = {s["Sid"]: s for s in for_cloudtrail(statements(templates["after"]["Trails"]))}
    encrypt = added["AllowCloudTrailToEncryptLogs"]
    assert encrypt["Effect"] == "Allow" and encrypt["Action"] == "kms:GenerateDataKey*" and encrypt["Resource"] == "*"
    arn = encrypt["Condition"]["StringLike"]["kms:EncryptionContext:aws:cloudtrail:arn"]
    assert json.dumps(arn).count("AWS::Partition") == 1 and json.dumps(arn).count("AWS::AccountId") == 1
    assert "cloudtrail:*:" in json.dumps(arn) and ":trail/*" in json.dumps(arn)
    assert added["AllowCloudTrailToDescribeKey"]["Action"] == "kms:DescribeKey"
