"""What CDK305, CDK306 and CDK311 promise, checked in synthesized templates (real aws-cdk-lib,
node and cdk-nag): after `remediator fix`, a secret's KmsKeyId is a rotating key of the stack, an
asynchronously invoked function has a dead-letter queue that is encrypted, TLS-only and keeps
messages 14 days (cdk-nag AwsSolutions-SQS3/SQS4 stay silent), and the CORS preflight methods
answer with the configured origins only."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from remediator.runner import Request, run
from remediator.verify import synth

APP = textwrap.dedent('''
    import aws_cdk as cdk
    from aws_cdk import aws_apigateway as apigw
    from aws_cdk import aws_ec2 as ec2
    from aws_cdk import aws_lambda as lambda_
    from aws_cdk import aws_rds as rds
    from aws_cdk import aws_s3 as s3
    from aws_cdk import aws_s3_notifications as s3n
    from aws_cdk import aws_secretsmanager as secretsmanager


    class PlatformStack(cdk.Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=0, subnet_configuration=[
                ec2.SubnetConfiguration(name="db", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED)])
            api_secret = secretsmanager.Secret(self, "ApiSecret")
            rds.DatabaseInstance(
                self,
                "Database",
                engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
                vpc=vpc,
                vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
                credentials=rds.Credentials.from_generated_secret("dbadmin"),
            )
            uploads = s3.Bucket(self, "Uploads")
            processor = lambda_.Function(
                self,
                "Processor",
                runtime=lambda_.Runtime.PYTHON_3_12,
                handler="index.handler",
                code=lambda_.Code.from_inline("def handler(event, context):\\n    return event\\n"),
            )
            uploads.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(processor))
            api = apigw.LambdaRestApi(
                self,
                "Api",
                handler=processor,
                default_cors_preflight_options=apigw.CorsOptions(allow_origins=apigw.Cors.ALL_ORIGINS),
            )


    app = cdk.App()
    PlatformStack(app, "Platform")
    app.synth()
''')

CONFIG = """\
[tool.remediator]
select = ["CDK305", "CDK306", "CDK311"]

[tool.remediator.rules.CDK311]
allowed-origins = ["https://app.example.com"]
"""


def _of_type(template: dict, kind: str) -> dict[str, dict]:
    return {k: r for k, r in template["Resources"].items() if r["Type"] == kind}


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory):
    app = tmp_path_factory.mktemp("companions")
    (app / "app.py").write_text(APP)
    (app / "pyproject.toml").write_text(CONFIG)
    before = synth(str(app), nag=True)
    assert before.ok, before.stderr_tail
    result = run(Request(paths=[str(app)], fix=True, changelog=False))
    assert not result.errors, result.errors
    fixed = {d.code for r in result.results for d in r.applied}
    assert fixed == {"CDK305", "CDK306", "CDK311"}, fixed
    after = synth(str(app), nag=True)
    assert after.ok, after.stderr_tail
    return before, after, (app / "app.py").read_text()


@pytest.mark.synth
@pytest.mark.skipif(shutil.which("node") is None, reason="synth needs node")
def test_secrets_are_encrypted_with_rotating_keys_of_the_stack(synthesized) -> None:
    before, after, _ = synthesized
    assert all("KmsKeyId" not in r["Properties"]
               for r in _of_type(before.templates["Platform"], "AWS::SecretsManager::Secret").values())
    template = after.templates["Platform"]
    keys = _of_type(template, "AWS::KMS::Key")
    secrets = _of_type(template, "AWS::SecretsManager::Secret")
    assert len(secrets) == 2  # the API secret and the database's generated secret
    for secret in secrets.values():
        key_id = secret["Properties"]["KmsKeyId"]
        (logical, attribute) = key_id["Fn::GetAtt"]
        assert attribute == "Arn" and keys[logical]["Properties"]["EnableKeyRotation"] is True
    assert len({s["Properties"]["KmsKeyId"]["Fn::GetAtt"][0] for s in secrets.values()}) == 2
    # the database itself is not modified: its password is the same dynamic reference to the secret
    (db_before,) = _of_type(before.templates["Platform"], "AWS::RDS::DBInstance").values()
    (db_after,) = _of_type(template, "AWS::RDS::DBInstance").values()
    assert db_after == db_before
    # and the secrets keep their logical ids (updated in place: KmsKeyId is not create-only)
    assert set(secrets) == set(_of_type(before.templates["Platform"], "AWS::SecretsManager::Secret"))
    assert after.nag_count("SMG4") == before.nag_count("SMG4")  # rotation of the secret itself is another matter
    assert after.nag_count("KMS5") == 0


@pytest.mark.synth
@pytest.mark.skipif(shutil.which("node") is None, reason="synth needs node")
def test_function_has_an_encrypted_tls_only_dead_letter_queue(synthesized) -> None:
    before, after, _ = synthesized
    template = after.templates["Platform"]
    functions = {k: r for k, r in _of_type(template, "AWS::Lambda::Function").items() if k.startswith("Processor")}
    (processor,) = functions.values()
    target = processor["Properties"]["DeadLetterConfig"]["TargetArn"]["Fn::GetAtt"]
    assert target[1] == "Arn"
    queue = template["Resources"][target[0]]
    assert queue["Type"] == "AWS::SQS::Queue"
    assert queue["Properties"]["SqsManagedSseEnabled"] is True
    assert queue["Properties"]["MessageRetentionPeriod"] == 14 * 24 * 3600
    policies = [p for p in _of_type(template, "AWS::SQS::QueuePolicy").values()
                if {"Ref": target[0]} in p["Properties"]["Queues"]]
    (policy,) = policies
    (deny,) = [s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Effect"] == "Deny"]
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    # the function's role may send to it
    role_policies = _of_type(template, "AWS::IAM::Policy")
    assert any(s["Action"] == "sqs:SendMessage" and s["Resource"] == {"Fn::GetAtt": target}
               for p in role_policies.values() for s in p["Properties"]["PolicyDocument"]["Statement"])
    for rule in ("SQS2", "SQS3", "SQS4"):
        assert after.nag_count(rule) == before.nag_count(rule) == 0, rule


@pytest.mark.synth
@pytest.mark.skipif(shutil.which("node") is None, reason="synth needs node")
def test_cors_preflight_answers_with_the_configured_origins(synthesized) -> None:
    before, after, source = synthesized
    assert 'allow_origins=["https://app.example.com"]' in source

    def origins(template: dict) -> set[str]:
        found = set()
        for method in _of_type(template, "AWS::ApiGateway::Method").values():
            if method["Properties"]["HttpMethod"] != "OPTIONS":
                continue
            for response in method["Properties"]["Integration"]["IntegrationResponses"]:
                found.add(response["ResponseParameters"]["method.response.header.Access-Control-Allow-Origin"])
        return found

    assert origins(before.templates["Platform"]) == {"'*'"}
    assert origins(after.templates["Platform"]) == {"'https://app.example.com'"}
