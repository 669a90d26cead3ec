from __future__ import annotations

import ast
from typing import Iterator

import libcst as cst

from remediator.analysis.cdk_facts import bucket_policies_of, is_website_bucket
from remediator.analysis import edits as E
from remediator.analysis.context import ConstructCall, FileContext
from remediator.analysis.rule import Finding, Rule, Tier



class S3EnforceSsl(Rule):
    """
    ## What it does
    Finds S3 buckets that accept unencrypted HTTP requests: `s3.Bucket` without
    `enforce_ssl=True`. An `s3.CfnBucket` is reported (without a fix) when its file has no
    bucket policy statement on `aws:SecureTransport`.

    ## Why is this bad?
    Without a policy that denies requests where `aws:SecureTransport` is false, clients may
    read and write objects over plain HTTP, where credentials-signed requests and data can be
    observed or tampered with (cdk-nag AwsSolutions-S10).

    ## Example
    ```python
    bucket = s3.Bucket(self, "Data")
    ```
    Use instead:
    ```python
    bucket = s3.Bucket(self, "Data", enforce_ssl=True)
    ```

    ## Fix safety
    Safe: `enforce_ssl=True` adds one deny statement to the bucket policy (creating the
    policy if needed); clients using the AWS SDKs or CLI already use HTTPS. Buckets with
    website hosting are reported but not changed: S3 website endpoints only speak HTTP, so the
    deny statement would take the site down. Buckets with their own `s3.BucketPolicy` /
    `s3.CfnBucketPolicy` in the same scope are reported but not changed (and not reported when
    the file already names `aws:SecureTransport`): `enforce_ssl=True` would add a second
    `AWS::S3::BucketPolicy` for the bucket, and on deployment one policy would overwrite the
    other. An `s3.CfnBucket` needs a separate
    `CfnBucketPolicy`; the rule reports it with guidance instead of writing one. Calls with a
    `**kwargs` spread and non-literal `enforce_ssl` values are left alone, and so are buckets
    that already deny plain HTTP through `bucket.add_to_resource_policy(...)` (a statement with
    `effect=DENY` and `{"Bool": {"aws:SecureTransport": "false"}}`, written there or bound to a
    name first): `enforce_ssl=True` would add a second, identical statement.
    """

    code, name, tier = "CDK303", "s3-enforce-ssl", Tier.SAFE
    summary = "S3 buckets must deny requests that do not use TLS"
    targets = ("aws_cdk.aws_s3.Bucket", "aws_cdk.aws_s3.CfnBucket")
    changelog = "Enforce TLS on {count} S3 {noun}"
    noun = ("bucket", "buckets")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        if call.is_l1:
            if "aws:SecureTransport" not in call.ctx.source:
                yield self.finding(call, "S3 bucket does not deny plain-HTTP requests: add a CfnBucketPolicy that "
                                         "denies s3:* when aws:SecureTransport is false")
            return
        if call.literal("enforce_ssl") not in (None, False):  # True, or a value we cannot know
            return
        at = call.arg("enforce_ssl") or call  # `enforce_ssl=False` when written
        if is_website_bucket(call):
            yield self.finding(at, "S3 bucket does not deny plain-HTTP requests, and it hosts a website (HTTP "
                                     "only): serve it through CloudFront, then set enforce_ssl=True")
            return
        if bucket_policies_of(call):
            if "aws:SecureTransport" not in call.ctx.source:
                yield self.finding(at, "S3 bucket does not deny plain-HTTP requests, and it has its own bucket "
                                         "policy (enforce_ssl=True would add a second one, and one would overwrite "
                                         "the other): deny s3:* when aws:SecureTransport is false in that policy")
            return
        if any(_denies_plain_http(call.ctx, use) for use in call.method_calls("add_to_resource_policy")):
            return  # the deny is there already: enforce_ssl=True would add a second, identical one
        yield self.finding(at, "S3 bucket does not deny plain-HTTP requests",
                           fix=call.set_keyword("enforce_ssl", "True"))


def _denies_plain_http(ctx: FileContext, use: cst.Call) -> bool:
    """``bucket.add_to_resource_policy(statement)`` where the statement (written there or bound to
    a name in scope) denies requests whose ``aws:SecureTransport`` is false."""
    for arg in use.args:
        values = [arg.value] + (ctx.assigned_values(arg.value, use) if isinstance(arg.value, cst.Name) else [])
        if any(_secure_transport_deny(ctx, v) for v in values):
            return True
    return False


def _secure_transport_deny(ctx: FileContext, value: cst.BaseExpression) -> bool:
    if not isinstance(value, cst.Call):
        return False
    q = ctx.call_qualname(value)
    if q == "aws_cdk.aws_iam.PolicyStatement":
        effect = E.get_keyword(value, "effect")
        conditions = E.get_keyword(value, "conditions")
        deny = effect is not None and (ctx.qualname(effect.value) or "").endswith(".Effect.DENY")
        return deny and conditions is not None and _insecure_condition(_literal(ctx, conditions.value))
    if q == "aws_cdk.aws_iam.PolicyStatement.from_json" and value.args:
        doc = _literal(ctx, value.args[0].value)
        return isinstance(doc, dict) and str(doc.get("Effect", "")).lower() == "deny" \
            and _insecure_condition(doc.get("Condition"))
    return False


def _insecure_condition(conditions: object) -> bool:
    """``{"Bool": {"aws:SecureTransport": "false"}}`` (or ``BoolIfExists``, or ``False``)."""
    if not isinstance(conditions, dict):
        return False
    for operator in ("Bool", "BoolIfExists"):
        test = conditions.get(operator)
        if isinstance(test, dict) and str(test.get("aws:SecureTransport", "")).lower() == "false":
            return True
    return False


def _literal(ctx: FileContext, node: cst.BaseExpression) -> object:
    try:
        return ast.literal_eval(ctx.module.code_for_node(node))
    except (ValueError, SyntaxError):
        return None

