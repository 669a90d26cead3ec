"""aws-cdk-lib members drafts get wrong, and what they mean: reviewed tables of renames and of
CDK v1 methods that moved, and what S3's grant methods grant (used by CDK104 unknown-member; the
names on both sides are checked against the API index by tests/test_api_names.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import libcst as cst

from remediator.analysis import edits as E

if TYPE_CHECKING:
    from remediator.analysis.context import FileContext

# What ``Bucket.grant_read`` / ``grant_read_write`` grant in aws-cdk-lib 2.275 (aws-s3/lib/perms.js:
# BUCKET_READ_ACTIONS; BUCKET_PUT_ACTIONS + BUCKET_DELETE_ACTIONS).
S3_READ_ACTIONS = ("s3:GetObject*", "s3:GetBucket*", "s3:List*")
S3_WRITE_ACTIONS = ("s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectTagging",
                    "s3:PutObjectVersionTagging", "s3:Abort*", "s3:DeleteObject*")
S3_BUCKET = "aws_cdk.aws_s3.IBucket"

#: Reviewed member renames by meaning: CDK v1's ``SubnetType.PRIVATE`` routed to the internet
#: through NAT (v2: ``PRIVATE_WITH_EGRESS``); its ``ISOLATED`` is v2's ``PRIVATE_ISOLATED``.
MEMBER_RENAMES: dict[str, str] = {
    "aws_cdk.aws_ec2.SubnetType.PRIVATE": "PRIVATE_WITH_EGRESS",
    "aws_cdk.aws_ec2.SubnetType.ISOLATED": "PRIVATE_ISOLATED",
    # Performance Insights keeps 7 days by default: DEFAULT's documentation ("Default retention
    # period of 7 days"); there is no DAYS_7 member
    "aws_cdk.aws_rds.PerformanceInsightRetention.DAYS_7": "DEFAULT",
    "aws_cdk.aws_rds.PerformanceInsightRetention.SEVEN_DAYS": "DEFAULT",
}
S3_GRANTS = "aws_cdk.aws_s3.BucketGrants"
#: CDK v1 methods that moved in v2: (receiver type, method) -> the v2 code, where ``{owner}`` is
#: the object whose ``.node`` the call went through and ``{args}`` the arguments as written
MOVED_METHODS: dict[tuple[str, str], str] = {
    ("constructs.Node", "apply_aspect"): "`aws_cdk.Aspects`.of({owner}).add({args})",
}
#: Reviewed method renames by meaning (the class that declares the right method, subclasses
#: included; the wrong name -> the right one): the same return type and the same permission or
#: metric, checked against aws-cdk-lib's docs. Any other method is renamed only when the names
#: differ in spelling alone (``grant_readwrite`` -> ``grant_read_write``); otherwise reported.
METHOD_RENAMES: dict[tuple[str, str], str] = {
    ("aws_cdk.aws_apigateway.RestApiBase", "metric_4xx"): "metric_client_error",
    ("aws_cdk.aws_apigateway.RestApiBase", "metric_5xx"): "metric_server_error",
    ("aws_cdk.aws_dynamodb.TableBase", "grant_read"): "grant_read_data",
    ("aws_cdk.aws_dynamodb.TableBase", "grant_write"): "grant_write_data",
    ("aws_cdk.aws_dynamodb.TableBase", "grant_read_write"): "grant_read_write_data",
    ("aws_cdk.aws_dynamodb.TableBaseV2", "grant_read"): "grant_read_data",
    ("aws_cdk.aws_dynamodb.TableBaseV2", "grant_write"): "grant_write_data",
    ("aws_cdk.aws_dynamodb.TableBaseV2", "grant_read_write"): "grant_read_write_data",
    ("aws_cdk.aws_sqs.QueueBase", "grant_send"): "grant_send_messages",
    ("aws_cdk.aws_sqs.QueueBase", "grant_consume"): "grant_consume_messages",
}
#: Metric methods drafts invent for a metric the class has no method for, with the CloudWatch
#: metric they mean and its statistic (the interface that declares ``metric(name, ...)``, subclasses
#: included; the wrong name -> (metric name, statistic)). ``fn.metric_concurrent_executions()`` is
#: this function's ``ConcurrentExecutions`` (Lambda publishes it per function); it is not
#: ``metric_all_concurrent_executions()``, the account-wide total. Maximum, as aws-cdk-lib's own
#: concurrency metrics use.
METRICS_BY_NAME: dict[tuple[str, str], tuple[str, str]] = {
    ("aws_cdk.aws_lambda.IFunction", "metric_concurrent_executions"): ("ConcurrentExecutions", "Maximum"),
}



def metric_call(ctx: "FileContext", call: cst.Call, name: str, statistic: str) -> str | None:
    """``x.metric("<name>", statistic="<statistic>", <the keywords of call>)`` for a call of a
    metric method named in :data:`METRICS_BY_NAME` (its own ``statistic=`` wins); None when the
    call has positional or ``**`` arguments, whose meaning there is unknown."""
    if any(a.keyword is None for a in call.args):
        return None
    receiver = ctx.module.code_for_node(call.func.value)  # type: ignore[attr-defined]
    given = [ctx.module.code_for_node(a).strip().rstrip(",") for a in call.args]
    if not any(a.keyword is not None and a.keyword.value == "statistic" for a in call.args):
        given.insert(0, f'statistic="{statistic}"')
    return f"{receiver}.metric({', '.join([f'{chr(34)}{name}{chr(34)}', *given])})"

def object_action(action: str) -> bool:
    """An S3 action (or pattern) that applies to objects only: ``s3:GetObject``, ``s3:PutObject*``,
    ``s3:AbortMultipartUpload``; ``s3:ListBucket``, ``s3:Get*`` and ``s3:*`` apply to the bucket too."""
    name = action.split(":", 1)[-1]
    return "Object" in name or name in ("AbortMultipartUpload", "ListMultipartUploadParts")


def plain_bucket(ctx: FileContext, receiver: cst.BaseExpression) -> bool:
    """``receiver`` is built in this file by ``s3.Bucket(...)`` without a KMS key (so ``grant_read``
    grants nothing beyond its S3 actions)."""
    values = ctx.assigned_values(receiver, receiver) if not isinstance(receiver, cst.Call) else [receiver]
    if not values:
        return False
    for value in values:
        if not isinstance(value, cst.Call) or ctx.call_qualname(value) != "aws_cdk.aws_s3.Bucket":
            return False
        if any(a.star == "**" for a in value.args) or E.get_keyword(value, "encryption_key") is not None:
            return False
        encryption = E.get_keyword(value, "encryption")
        if encryption is not None and (ctx.qualname(encryption.value) or "").rsplit(".", 1)[-1] not in (
                "S3_MANAGED", "KMS_MANAGED", "UNENCRYPTED"):
            return False
    return True


def grant_method(method: str):  # type: ignore[no-untyped-def]
    """``b.grant(grantee, *actions)`` -> ``b.<method>(grantee)``, keeping the call's closing layout."""

    def replace(node: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
        grantee, last = node.args[0], node.args[-1]
        grantee = grantee.with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
        return node.with_changes(func=node.func.with_changes(attr=cst.Name(method)), args=[grantee])

    return replace


def grants_call(func: cst.BaseExpression, quote: str):  # type: ignore[no-untyped-def]
    """``b.grant(grantee, *actions)`` -> ``<func>(grantee, "*", *actions)``, keeping every argument."""

    def replace(node: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(node, cst.Call)
        grantee, *rest = node.args
        star = cst.Arg(cst.SimpleString(f"{quote}*{quote}"), comma=grantee.comma)
        if not isinstance(grantee.comma, cst.Comma):
            grantee = grantee.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        return node.with_changes(func=func, args=[grantee, star, *rest])

    return replace


def same_version(wrong: str, names: list[str]) -> str | None:
    """The one constant whose version numbers are all in the wrong name, in order
    (``AuroraMysqlEngineVersion.VER_8_0_MYSQL_3_02_0`` -> ``VER_3_02_0``): the longest such."""
    digits = tuple(re.findall(r"\d+", wrong))
    prefix = re.match(r"[A-Z]+", wrong)

    def inside(parts: tuple[str, ...]) -> bool:
        return len(parts) >= 2 and any(digits[i:i + len(parts)] == parts for i in range(len(digits)))

    fits = [n for n in names if prefix and n.startswith(prefix.group(0)) and inside(tuple(re.findall(r"\d+", n)))]
    longest = max((len(re.findall(r"\d+", n)) for n in fits), default=0)
    best = [n for n in fits if len(re.findall(r"\d+", n)) == longest]
    return best[0] if len(best) == 1 else None
