from __future__ import annotations

import re
from typing import Iterator

import libcst as cst

from remediator.analysis.context import FileContext, literal_value
from remediator.analysis.rule import Finding, Rule, Tier

BY_NAME = "aws_cdk.aws_iam.ManagedPolicy.from_aws_managed_policy_name"
BY_ARN = "aws_cdk.aws_iam.ManagedPolicy.from_managed_policy_arn"
_AWS_POLICY_ARN = re.compile(r"^arn:aws[\w-]*:iam::aws:policy/(?P<name>[\w+=,.@/-]+)$")
#: AWS managed policies that grant (nearly) everything
ADMIN = {"AdministratorAccess": "all actions on all resources", "PowerUserAccess": "everything but IAM",
         "IAMFullAccess": "every IAM action (a path to administrator)"}
#: reviewed narrower choices per broad policy (AWS managed policies that exist, or CDK grants)
SUGGESTIONS = {
    "CloudWatchFullAccess": "`CloudWatchAgentServerPolicy` for the CloudWatch agent on instances, "
                            "`CloudWatchReadOnlyAccess` to read, or `cloudwatch.Metric.grant_put_metric_data(role)` to publish "
                            "metrics",
    "CloudWatchFullAccessV2": "`CloudWatchAgentServerPolicy` for the CloudWatch agent, `CloudWatchReadOnlyAccess` "
                              "to read",
    "CloudWatchLogsFullAccess": "`log_group.grant_write(role)` on its log groups, or `CloudWatchAgentServerPolicy` "
                                "for the agent",
    "AmazonS3FullAccess": "`bucket.grant_read(role)` / `grant_read_write(role)` on the buckets it uses, or "
                          "`AmazonS3ReadOnlyAccess`",
    "AmazonDynamoDBFullAccess": "`table.grant_read_data(role)` / `grant_read_write_data(role)` on its tables, or "
                                "`AmazonDynamoDBReadOnlyAccess`",
    "AmazonSQSFullAccess": "`queue.grant_send_messages(role)` / `grant_consume_messages(role)` on its queues",
    "AmazonSNSFullAccess": "`topic.grant_publish(role)` on its topics",
    "AWSLambda_FullAccess": "`function.grant_invoke(role)` on the functions it calls",
    "AWSLambdaFullAccess": "`function.grant_invoke(role)` on the functions it calls",
    "AmazonEC2FullAccess": "`AmazonEC2ReadOnlyAccess`, or the EC2 actions it needs on its resources",
    "AmazonSSMFullAccess": "`AmazonSSMManagedInstanceCore` for instances managed by Systems Manager, or "
                           "`parameter.grant_read(role)`",
    "SecretsManagerReadWrite": "`secret.grant_read(role)` on the secrets it reads",
    "AmazonKinesisFullAccess": "`stream.grant_read(role)` / `grant_write(role)` on its streams",
    "AmazonECS_FullAccess": "the ECS actions it needs on its cluster and services",
    "AmazonRDSFullAccess": "`AmazonRDSReadOnlyAccess`, or `db.grant_connect(role)` for IAM database authentication",
    "AWSStepFunctionsFullAccess": "`state_machine.grant_start_execution(role)` on its state machines",
    "AmazonAPIGatewayAdministrator": "`method.grant_execute(role)` on the API methods it calls",
}


def suggested_names() -> list[str]:
    """The CDK grants the suggestions name (the AWS managed policies they name are not CDK names)."""
    return ["aws_cdk.aws_cloudwatch.Metric.grant_put_metric_data", "aws_cdk.aws_logs.LogGroup.grant_write",
            "aws_cdk.aws_s3.Bucket.grant_read", "aws_cdk.aws_s3.Bucket.grant_read_write",
            "aws_cdk.aws_dynamodb.Table.grant_read_data", "aws_cdk.aws_dynamodb.Table.grant_read_write_data",
            "aws_cdk.aws_sqs.Queue.grant_send_messages", "aws_cdk.aws_sqs.Queue.grant_consume_messages",
            "aws_cdk.aws_sns.Topic.grant_publish", "aws_cdk.aws_lambda.Function.grant_invoke",
            "aws_cdk.aws_ssm.StringParameter.grant_read", "aws_cdk.aws_secretsmanager.Secret.grant_read",
            "aws_cdk.aws_kinesis.Stream.grant_read", "aws_cdk.aws_kinesis.Stream.grant_write",
            "aws_cdk.aws_rds.DatabaseInstance.grant_connect",
            "aws_cdk.aws_stepfunctions.StateMachine.grant_start_execution",
            "aws_cdk.aws_apigateway.Method.grant_execute"]


class IamBroadManagedPolicy(Rule):
    """
    ## What it does
    Finds AWS managed policies that grant a whole service or everything, attached through
    `iam.ManagedPolicy.from_aws_managed_policy_name(...)` or `from_managed_policy_arn(...)` (and
    `managed_policy_arns=[...]` of the L1 constructs): `AdministratorAccess`, `PowerUserAccess`,
    `IAMFullAccess` and every `*FullAccess` policy (`CloudWatchFullAccess`,
    `AmazonS3FullAccess`...). The finding suggests a narrower policy or CDK grant per service.

    ## Why is this bad?
    A full-access policy gives a role every action of the service on every resource of the
    account — deleting alarms and dashboards, reading every bucket — where the workload needs a
    handful of actions on its own resources (cdk-nag AwsSolutions-IAM4).

    ## Example
    ```python
    role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchFullAccess"))
    ```
    Use instead:
    ```python
    role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchAgentServerPolicy"))
    ```

    ## Fix safety
    Report only: which permissions the workload needs is not in the code, and narrowing a role
    can break it. The suggestions are AWS managed policies that exist or the `grant*` methods of
    the resources.
    """

    code, name, tier = "CDK308", "iam-broad-managed-policy", Tier.REPORT
    summary = "Roles must not use full-access AWS managed policies"
    triggers = ("FullAccess", "AdministratorAccess", "PowerUserAccess", "SecretsManagerReadWrite",
                "AmazonAPIGatewayAdministrator")
    noun = ("policy", "policies")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        for call in ctx.calls:
            q = ctx.call_qualname(call)
            if q == BY_NAME and call.args:
                yield from self._check(call.args[0].value, literal_value(call.args[0].value))
            elif q == BY_ARN and len(call.args) >= 3:
                arn = literal_value(call.args[2].value)
                m = _AWS_POLICY_ARN.match(arn) if isinstance(arn, str) else None
                if m:
                    yield from self._check(call.args[2].value, m.group("name"))
            else:
                for arg in call.args:
                    if arg.keyword is None or arg.keyword.value != "managed_policy_arns" \
                            or not isinstance(arg.value, cst.List):
                        continue
                    for el in arg.value.elements:
                        arn = literal_value(el.value)
                        m = _AWS_POLICY_ARN.match(arn) if isinstance(arn, str) else None
                        if m:
                            yield from self._check(el.value, m.group("name"))

    def _check(self, node: cst.CSTNode, name: object) -> Iterator[Finding]:
        if not isinstance(name, str):
            return
        base = name.rsplit("/", 1)[-1]
        if base in ADMIN:
            yield self.finding(node, f"managed policy `{base}` grants {ADMIN[base]}: write a policy with the actions "
                                     "the role needs on its resources")
        elif base.endswith("FullAccess") or base.endswith("FullAccessV2") or base in SUGGESTIONS:
            service = re.sub(r"^(?:Amazon|AWS)|_?FullAccess(?:V2)?$|ReadWrite$|Administrator$", "", base)
            advice = SUGGESTIONS.get(base, f"the `grant*` methods of the {service} resources it uses, or a policy "
                                           f"with only the {service} actions it needs")
            yield self.finding(node, f"managed policy `{base}` grants every {service} action on every resource: use "
                                     f"{advice}")
