from __future__ import annotations

import re
from typing import Iterator

import libcst as cst

from remediator.analysis.context import ConstructCall, literal_value
from remediator.analysis.rule import Edit, Finding, Rule, Tier
from remediator.analysis.wiring import uses

BUCKET_ENCRYPTION = "aws_cdk.aws_s3.BucketEncryption"
QUEUE_ENCRYPTION = "aws_cdk.aws_sqs.QueueEncryption"
SQS_SUBSCRIPTION = "aws_cdk.aws_sns_subscriptions.SqsSubscription"
#: what S3 accepts in a bucket name besides lower-case letters and digits
_BUCKET_CHARS = re.compile(r"[^a-z0-9.\-]")


class InvalidValue(Rule):
    """
    ## What it does
    Finds property values aws-cdk-lib rejects when the app is synthesized:

    - an S3 bucket name with upper-case letters or underscores (`bucket_name="Data_Lake"`, or an
      f-string that formats a construct id or environment name into it), or one that breaks
      S3's other rules (3 to 63 characters; starts and ends with a letter or digit; no `..`);
    - `s3.Bucket(encryption=BucketEncryption.S3_MANAGED, encryption_key=key)`: a key needs KMS
      encryption;
    - `sqs.Queue(encryption=QueueEncryption.KMS_MANAGED)` on a queue the file subscribes to an SNS
      topic (`SqsSubscription(queue)`): SNS cannot use the AWS managed key.

    ## Why is this bad?
    Synth stops with `Invalid S3 bucket name`, `encryptionKey is specified, so 'encryption' must
    be set to KMS or DSSE` or `SQS queue encrypted by AWS managed KMS key cannot be used as SNS
    subscription`: the app never deploys. AI drafts build bucket names from construct ids
    (`f"{construct_id}-data"`, `DataStack-data`) and mix the two encryption settings.

    ## Example
    ```python
    s3.Bucket(self, "Lake", bucket_name="Data_Lake")
    s3.Bucket(self, "Keyed", encryption=s3.BucketEncryption.S3_MANAGED, encryption_key=key)
    ```
    Use instead:
    ```python
    s3.Bucket(self, "Lake", bucket_name="data-lake")
    s3.Bucket(self, "Keyed", encryption=s3.BucketEncryption.KMS, encryption_key=key)
    ```

    ## Fix safety
    Safe: the app did not synthesize with these values, so nothing was deployed with them.
    Literal parts are written in lower case with `-` for `_`; a value formatted into the name is
    lower-cased (`{construct_id.lower()}`) only when it is the construct id or a local bound to
    literals with upper case, never a token such as `self.account` (lower-casing a token breaks
    it) nor a value the file cannot show (a parameter, a context lookup: reported when the
    literal parts are wrong). Names that are too long or short, start or end with a
    symbol, or format values of unknown kind, are reported. With a key, encryption becomes `KMS`
    (what the key is for). A queue subscribed to SNS gets `QueueEncryption.KMS`: still a KMS key,
    now one of the stack (aws-cdk-lib creates it), whose policy lets SNS use it.
    """

    code, name, tier = "CDK113", "invalid-value", Tier.SAFE
    tier_note = "when determined"
    summary = "Property values aws-cdk-lib rejects at synth"
    targets = ("aws_cdk.aws_s3.Bucket", "aws_cdk.aws_s3.CfnBucket", "aws_cdk.aws_sqs.Queue")
    checks_api = True
    changelog = "Correct {count} {noun} aws-cdk-lib rejects"
    noun = ("value", "values")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.qualname == "aws_cdk.aws_sqs.Queue":
            yield from self._subscribed_queue(call)
            return
        name = call.arg("bucket_name")
        if name is not None:
            yield from self._bucket_name(call, name)
        encryption = call.arg("encryption")
        if encryption is not None and call.has("encryption_key") and not call.is_l1 \
                and call.ctx.qualname(encryption.value) == f"{BUCKET_ENCRYPTION}.S3_MANAGED":
            yield self.finding(encryption, "`encryption=S3_MANAGED` with an `encryption_key` fails synth: use "
                                           "`BucketEncryption.KMS`", fix=Edit.rename_attribute(encryption.value, "KMS"))

    def _subscribed_queue(self, call: ConstructCall) -> Iterator[Finding]:
        encryption = call.arg("encryption")
        if encryption is None or call.ctx.qualname(encryption.value) != f"{QUEUE_ENCRYPTION}.KMS_MANAGED":
            return
        if any(call.ctx.call_qualname(c) == SQS_SUBSCRIPTION for use in uses(call) for c in use.calls):
            yield self.finding(encryption, "an SNS subscription cannot use a queue encrypted with the AWS managed "
                                           "key (`KMS_MANAGED`; synth fails): use `QueueEncryption.KMS`, a key "
                                           "of the stack", fix=Edit.rename_attribute(encryption.value, "KMS"))

    def _bucket_name(self, call: ConstructCall, arg: cst.Arg) -> Iterator[Finding]:
        value = arg.value
        if isinstance(value, cst.SimpleString):
            text = literal_value(value)
            if not isinstance(text, str):
                return
            problem = _name_problem(text, whole=True)
            fixed = _valid_literal(text)
            if problem is None:
                return
            if _name_problem(fixed, whole=True) is not None:
                yield self.finding(arg, f"S3 bucket name {text!r} {problem} (synth fails): rename it")
                return
            quote = value.quote
            yield self.finding(arg, f"S3 bucket name {text!r} {problem} (synth fails): use {fixed!r}",
                               fix=Edit.replace_with(value, f"{value.prefix}{quote}{fixed}{quote}"))
        elif isinstance(value, cst.FormattedString):
            yield from self._formatted_name(call, arg, value)

    def _formatted_name(self, call: ConstructCall, arg: cst.Arg, value: cst.FormattedString) -> Iterator[Finding]:
        parts = list(value.parts)
        literal = "".join(p.value for p in parts if isinstance(p, cst.FormattedStringText))
        plain = [p for p in parts if isinstance(p, cst.FormattedStringExpression)
                 and _plain_string(call, p.expression)]
        problem = _name_problem(literal, whole=False)
        if problem is None and all(_lowered(p.expression) for p in plain):
            return
        unknown = [p for p in parts if isinstance(p, cst.FormattedStringExpression) and p not in plain
                   and not _token(call, p.expression)]
        if unknown or (problem is not None and _name_problem(_valid_literal(literal), whole=False)):
            if problem is not None:
                yield self.finding(arg, f"S3 bucket name {problem} (synth or deploy fails): write it in lower case")
            return

        to_lower = {i for i, p in enumerate(parts) if p in plain and not _lowered(p.expression)}  # type: ignore[union-attr]

        def lower(node: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(node, cst.FormattedString)
            new = []
            for i, p in enumerate(node.parts):
                if isinstance(p, cst.FormattedStringText):
                    new.append(p.with_changes(value=_valid_literal(p.value)))
                elif i in to_lower and isinstance(p, cst.FormattedStringExpression):
                    new.append(p.with_changes(expression=cst.Call(cst.Attribute(p.expression, cst.Name("lower")))))
                else:
                    new.append(p)
            return node.with_changes(parts=new)

        what = problem or "may have upper case (a construct id or name formatted into it)"
        yield self.finding(arg, f"S3 bucket name {what} (synth fails): write it in lower case",
                           fix=Edit(value, replace=lower))


def _name_problem(text: str, whole: bool) -> str | None:
    """What breaks S3's naming rules in ``text`` (a whole name, or the literal parts of one)."""
    if text != text.lower():
        return "has upper-case letters"
    if _BUCKET_CHARS.search(text):
        return "has characters S3 does not allow (only a-z, 0-9, '.', '-')"
    if ".." in text:
        return "has '..'"
    if whole and not 3 <= len(text) <= 63:
        return "is not 3 to 63 characters long"
    if whole and not (text[:1].isalnum() and text[-1:].isalnum()):
        return "does not start and end with a letter or digit"
    return None


def _valid_literal(text: str) -> str:
    return text.lower().replace("_", "-")


def _lowered(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "lower"


def _token(call: ConstructCall, expr: cst.BaseExpression) -> bool:
    """A value aws-cdk-lib resolves at deploy time (``self.account``, ``Aws.REGION``, a construct's
    attribute): not ours to lower-case; S3 or CDK checks it later."""
    q = call.ctx.qualname(expr)
    if q is not None and q.startswith("aws_cdk.Aws."):
        return True
    return isinstance(expr, cst.Attribute) and expr.attr.value in ("account", "region", "partition", "stack_name",
                                                                   "url_suffix") or (
        isinstance(expr, cst.Attribute) and not isinstance(expr.value, cst.Name))


def _plain_string(call: ConstructCall, expr: cst.BaseExpression) -> bool:
    """A value the file shows is a string with upper case: the construct id parameter (``Data``,
    ``OrdersStack``: ids are written in CamelCase), or a local bound only to such literals."""
    if _lowered(expr):
        return True
    if not isinstance(expr, cst.Name):
        return False
    ctx = call.ctx
    bindings = [b for s in ctx.scopes.visible_scopes(expr) for b in ctx.scopes.in_scope(s, expr.value)][:1]
    if not bindings:
        return False
    if isinstance(bindings[0].node, cst.Param):
        return expr.value in ("construct_id", "id")
    values = [literal_value(v) for v in ctx.assigned_values(expr, expr)]
    return bool(values) and all(isinstance(v, str) and v != v.lower() for v in values)


def suggested_names() -> list[str]:
    """The aws-cdk-lib names this rule writes (checked by tests/test_api_names.py)."""
    return [f"{BUCKET_ENCRYPTION}.KMS", "aws_cdk.aws_s3.Bucket(bucket_name)", "aws_cdk.aws_s3.Bucket(encryption_key)",
            f"{QUEUE_ENCRYPTION}.KMS", f"{QUEUE_ENCRYPTION}.KMS_MANAGED", SQS_SUBSCRIPTION]
