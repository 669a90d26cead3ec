"""The operations rules (CDK401-CDK411) together, on a real stack: after `remediator fix
--unsafe-fixes --select CDK4`, the app still synthesizes (real aws-cdk-lib and node), the template
has what each rule promises, and cdk-nag's AwsSolutions-ELB2, VPC7, DDB3, APIG1, APIG6 and EC28
findings are gone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from typing import Any, Iterator

import pytest

from remediator.verify.synthesize import synth

APP = textwrap.dedent('''
    import aws_cdk as cdk
    from aws_cdk import aws_apigateway as apigw
    from aws_cdk import aws_autoscaling as autoscaling
    from aws_cdk import aws_dynamodb as dynamodb
    from aws_cdk import aws_ec2 as ec2
    from aws_cdk import aws_elasticloadbalancingv2 as elbv2
    from aws_cdk import aws_lambda as lambda_
    from constructs import Construct


    class OpsStack(cdk.Stack):
        def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
            super().__init__(scope, construct_id, **kwargs)
            vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=1)
            image = ec2.MachineImage.latest_amazon_linux2023()
            small = ec2.InstanceType("t3.micro")
            asg = autoscaling.AutoScalingGroup(self, "Web", vpc=vpc, instance_type=small, machine_image=image,
                                               min_capacity=1, max_capacity=4)
            template = ec2.LaunchTemplate(self, "WorkerTemplate", instance_type=small, machine_image=image)
            autoscaling.AutoScalingGroup(self, "Workers", vpc=vpc, launch_template=template)
            ec2.Instance(self, "Bastion", vpc=vpc, instance_type=small, machine_image=image)
            alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
            listener = alb.add_listener("Http", port=80)
            listener.add_targets("Web", port=80, targets=[asg])
            handler = lambda_.Function(
                self,
                "Orders",
                runtime=lambda_.Runtime.PYTHON_3_12,
                handler="index.handler",
                code=lambda_.Code.from_inline("def handler(event, context):\\n    return {}\\n"),
            )
            table = dynamodb.Table(
                self,
                "Events",
                partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
                billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            )
            table.grant_read_write_data(handler)
            apigw.LambdaRestApi(self, "OrdersApi", handler=handler,
                                deploy_options=apigw.StageOptions(stage_name="prod"))


    app = cdk.App()
    OpsStack(app, "Ops", env=cdk.Environment(account="123456789012", region="eu-west-1"))
    app.synth()
''')

GONE = ("ELB2", "VPC7", "DDB3", "APIG1", "APIG6", "EC28")


def _resources(template: dict[str, Any], kind: str) -> Iterator[dict[str, Any]]:
    for resource in template["Resources"].values():
        if resource["Type"] == kind:
            yield resource.get("Properties", {})


def _only(template: dict[str, Any], kind: str) -> dict[str, Any]:
    (found,) = _resources(template, kind)
    return found


@pytest.mark.synth
@pytest.mark.skipif(shutil.which("node") is None and not os.environ.get("REMEDIATOR_NODE"), reason="synth needs node")
def test_operations_fixes_synthesize_with_their_properties_and_clear_cdk_nag(tmp_path) -> None:
    (tmp_path / "app.py").write_text(APP)
    before = synth(str(tmp_path), nag=True)
    assert before.ok, before.stderr_tail
    for rule in GONE:
        assert before.nag_count(rule) >= 1, (rule, before.nag)

    def remediator(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "remediator", command, "--unsafe-fixes", "--select", "CDK4",
                               "--no-changelog", "--format", "json", "."], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300, env=dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1"))

    found = remediator("check")
    fixable = {f["code"] for f in json.loads(found.stdout) if f["fixable"]}
    assert fixable == {f"CDK4{n:02d}" for n in range(1, 12)}, found.stdout
    fixed = remediator("fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    source = (tmp_path / "app.py").read_text()
    assert json.loads(remediator("check").stdout) == [], source

    after = synth(str(tmp_path), nag=True)
    assert after.ok, after.stderr_tail + "\n" + source
    for rule in GONE:
        assert after.nag_count(rule) == 0, (rule, after.nag)
    template = after.templates["Ops"]

    # CDK401: a CPU target-tracking policy on the group
    policy = _only(template, "AWS::AutoScaling::ScalingPolicy")["TargetTrackingConfiguration"]
    assert policy["PredefinedMetricSpecification"]["PredefinedMetricType"] == "ASGAverageCPUUtilization"
    assert policy["TargetValue"] == 70
    # CDK402: detailed monitoring on the instance, the group's launch configuration and the template
    assert _only(template, "AWS::EC2::Instance")["Monitoring"] is True
    launch = [p for p in _resources(template, "AWS::EC2::LaunchTemplate")]
    assert launch and all(p["LaunchTemplateData"]["Monitoring"] == {"Enabled": True} for p in launch)
    for config in _resources(template, "AWS::AutoScaling::LaunchConfiguration"):
        assert config["InstanceMonitoring"] is True
    # CDK403: access logs to a private, TLS-only, S3-managed bucket
    attributes = {a["Key"]: a["Value"] for a in _only(template, "AWS::ElasticLoadBalancingV2::LoadBalancer")[
        "LoadBalancerAttributes"]}
    assert attributes["access_logs.s3.enabled"] == "true" and attributes["access_logs.s3.prefix"] == "alb"
    (bucket,) = [b for b in _resources(template, "AWS::S3::Bucket")]
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"][
        "SSEAlgorithm"] == "AES256"
    assert all(bucket["PublicAccessBlockConfiguration"][k] for k in (
        "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
    assert "aws:SecureTransport" in json.dumps(_only(template, "AWS::S3::BucketPolicy"))
    # CDK404, CDK405: X-Ray and JSON logs on the function (its role may write traces)
    function = _only(template, "AWS::Lambda::Function")
    assert function["TracingConfig"] == {"Mode": "Active"}
    assert function["LoggingConfig"]["LogFormat"] == "JSON"
    assert any("xray:PutTraceSegments" in json.dumps(p) for p in _resources(template, "AWS::IAM::Policy"))
    # CDK406, CDK407: access log setting, execution logs, metrics and throttling on the stage
    stage = _only(template, "AWS::ApiGateway::Stage")
    assert stage["StageName"] == "prod" and "DestinationArn" in stage["AccessLogSetting"]
    assert json.loads(stage["AccessLogSetting"]["Format"])["requestId"] == "$context.requestId"
    (method,) = stage["MethodSettings"]
    assert method["LoggingLevel"] == "INFO" and method["MetricsEnabled"] is True
    assert method["ThrottlingRateLimit"] == 100 and method["ThrottlingBurstLimit"] == 200
    # CDK408: a flow log on the VPC
    assert _only(template, "AWS::EC2::FlowLog")["ResourceType"] == "VPC"
    # CDK409: point-in-time recovery
    assert _only(template, "AWS::DynamoDB::Table")["PointInTimeRecoverySpecification"] == {
        "PointInTimeRecoveryEnabled": True}
    # CDK410: the function's errors alarm and the table's throttling alarms
    alarms = sorted(a["MetricName"] for a in _resources(template, "AWS::CloudWatch::Alarm") if "MetricName" in a)
    assert alarms == ["Errors", "ReadThrottleEvents", "WriteThrottleEvents"]
    # CDK411: S3 and DynamoDB gateway endpoints
    endpoints = [json.dumps(e["ServiceName"]) for e in _resources(template, "AWS::EC2::VPCEndpoint")]
    assert len(endpoints) == 2 and any(".s3" in e for e in endpoints) and any(".dynamodb" in e for e in endpoints)
