from __future__ import annotations

import weakref
from typing import Iterator

import libcst as cst

from remediator.analysis.context import ConstructCall, FileContext
from remediator.analysis.rule import Finding, Rule, Tier

TRAIL = "aws_cdk.aws_cloudtrail.Trail"
L1_TRAIL = "aws_cdk.aws_cloudtrail.CfnTrail"
KEY = "aws_cdk.aws_kms.Key"
L1_KEY = "aws_cdk.aws_kms.CfnKey"
PRINCIPAL = "cloudtrail.amazonaws.com"
#: what ``kms_key_id=`` of an L1 trail reads from a key
_KEY_ATTRIBUTES = ("key_arn", "key_id", "ref", "attr_arn", "attr_key_id")

STATEMENTS = '''\
{construct}.add_to_resource_policy(
    `aws_cdk.aws_iam.PolicyStatement`(
        sid="AllowCloudTrailToEncryptLogs",
        principals=[`aws_cdk.aws_iam.ServicePrincipal`("cloudtrail.amazonaws.com")],
        actions=["kms:GenerateDataKey*"],
        resources=["*"],
        conditions={
            "StringLike": {
                "kms:EncryptionContext:aws:cloudtrail:arn": (
                    f"arn:{`aws_cdk.Aws`.PARTITION}:cloudtrail:*:{`aws_cdk.Aws`.ACCOUNT_ID}:trail/*"
                )
            }
        },
    )
)
{construct}.add_to_resource_policy(
    `aws_cdk.aws_iam.PolicyStatement`(
        sid="AllowCloudTrailToDescribeKey",
        principals=[`aws_cdk.aws_iam.ServicePrincipal`("cloudtrail.amazonaws.com")],
        actions=["kms:DescribeKey"],
        resources=["*"],
    )
)
'''


def suggested_names() -> list[str]:
    return ["aws_cdk.aws_kms.Key.add_to_resource_policy", "aws_cdk.aws_iam.PolicyStatement(principals)",
            "aws_cdk.aws_iam.PolicyStatement(conditions)", "aws_cdk.aws_iam.ServicePrincipal",
            "aws_cdk.Aws.PARTITION", "aws_cdk.Aws.ACCOUNT_ID", f"{TRAIL}(encryption_key)", f"{L1_TRAIL}(kms_key_id)"]


class CloudTrailKeyPolicy(Rule):
    """
    ## What it does
    Finds CloudTrail trails encrypted with a KMS key that the file creates
    (`cloudtrail.Trail(encryption_key=key)`, `CfnTrail(kms_key_id=key.key_arn)`, with
    `key = kms.Key(...)`) whose key policy has no statement for CloudTrail, and adds one after
    the key: `cloudtrail.amazonaws.com` may call `kms:GenerateDataKey*` for this account's
    trails (the `kms:EncryptionContext:aws:cloudtrail:arn` condition) and `kms:DescribeKey`.

    ## Why is this bad?
    CDK does not add CloudTrail to the key policy (verified), and the policy of a new key
    trusts only the account's IAM principals, not AWS services: creating the trail fails with
    `InsufficientEncryptionPolicyException`, and the stack rolls back.

    ## Example
    ```python
    key = kms.Key(self, "TrailKey", enable_key_rotation=True)
    cloudtrail.Trail(self, "Trail", encryption_key=key)
    ```
    Use instead:
    ```python
    key = kms.Key(self, "TrailKey", enable_key_rotation=True)
    key.add_to_resource_policy(
        iam.PolicyStatement(
            sid="AllowCloudTrailToEncryptLogs",
            principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
            actions=["kms:GenerateDataKey*"],
            resources=["*"],
            conditions={
                "StringLike": {
                    "kms:EncryptionContext:aws:cloudtrail:arn": (
                        f"arn:{cdk.Aws.PARTITION}:cloudtrail:*:{cdk.Aws.ACCOUNT_ID}:trail/*"
                    )
                }
            },
        )
    )
    key.add_to_resource_policy(
        iam.PolicyStatement(
            sid="AllowCloudTrailToDescribeKey",
            principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
            actions=["kms:DescribeKey"],
            resources=["*"],
        )
    )
    cloudtrail.Trail(self, "Trail", encryption_key=key)
    ```

    ## Fix safety
    Safe: the statements let the CloudTrail service encrypt logs of this account's trails
    with the key, and describe it, as the AWS CloudTrail documentation's key policy does;
    nobody else gains anything, and no resource is replaced. Keys whose policy already names
    `cloudtrail.amazonaws.com` (in `policy=`, or an `add_to_resource_policy` / `grant_*` call on
    the key) are left alone; a key built inside the trail's call, and an L1 `CfnKey`, are
    reported with the statements to add. Keys the file does not create (parameters,
    `Key.from_key_arn`) are not checked: their policy is defined elsewhere.
    """

    code, name, tier = "CDK206", "cloudtrail-key-policy", Tier.SAFE
    summary = "KMS keys that encrypt CloudTrail trails must let CloudTrail use them"
    targets = (TRAIL, L1_TRAIL)
    changelog = "Allow CloudTrail in the policy of {count} trail encryption {noun}"
    noun = ("key", "keys")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        ctx = call.ctx
        value = call.value("kms_key_id" if call.is_l1 else "encryption_key")
        if call.is_l1 and isinstance(value, cst.Attribute) and value.attr.value in _KEY_ATTRIBUTES:
            value = value.value
        key = _key_of(ctx, value, call.node) if value is not None else None
        if key is None or _allows_cloudtrail(ctx, key) or _seen(ctx, key.node):
            return
        cid = f" {key.construct_id!r}" if key.construct_id else ""
        message = (f"CloudTrail cannot encrypt logs with KMS key{cid}: its policy has no statement for "
                   f"{PRINCIPAL} (CDK adds none), so creating the trail fails (InsufficientEncryptionPolicyException)")
        fix = key.follow_with(STATEMENTS) if key.qualname == KEY else None
        if fix is None:
            where = "its `key_policy`" if key.is_l1 else "the key's policy (bind the key to a name first)"
            yield self.finding(call, f"{message}; allow {PRINCIPAL} kms:GenerateDataKey* (condition "
                                     f"kms:EncryptionContext:aws:cloudtrail:arn) and kms:DescribeKey in {where}",
                               tier=Tier.REPORT)
            return
        yield self.finding(call, f"{message}: add statements to the key's policy that allow it "
                                 "kms:GenerateDataKey* for this account's trails and kms:DescribeKey", fix=fix)


def _key_of(ctx: FileContext, value: cst.BaseExpression, at: cst.CSTNode) -> ConstructCall | None:
    """The ``kms.Key`` / ``kms.CfnKey`` call that ``value`` is (or that the one name or
    ``self.x`` it is bound to in scope holds)."""
    if isinstance(value, cst.Call):
        calls = [value]
    elif isinstance(value, (cst.Name, cst.Attribute)):
        if isinstance(value, cst.Name) and ctx.scopes.rebound_at(value):
            return None  # a parameter or loop variable of the same name may hold another key
        calls = ctx.assigned_values(value, at)
    else:
        return None
    if len(calls) != 1 or not isinstance(calls[0], cst.Call):
        return None
    q = ctx.call_qualname(calls[0])
    return ConstructCall(ctx, calls[0], q) if q in (KEY, L1_KEY) else None


def _allows_cloudtrail(ctx: FileContext, key: ConstructCall) -> bool:
    """The key's policy names CloudTrail already: in the key's own call (``policy=``,
    ``key_policy=``) or in a call on the key (``add_to_resource_policy``, ``grant_encrypt``...),
    also through a statement or principal bound to a name first."""
    found = [key.node]
    if key.binding is not None:
        for node, receiver in ctx.method_calls("add_to_resource_policy"):
            if key.refers_to(receiver, node):
                found.append(node)
        for call in ctx.calls:
            if isinstance(call.func, cst.Attribute) and call.func.attr.value.startswith("grant") \
                    and key.refers_to(call.func.value, call):
                found.append(call)
    for node in list(found):
        for arg in getattr(node, "args", ()):
            if isinstance(arg.value, cst.Name):
                found.extend(ctx.assigned_values(arg.value, node))
    return any(PRINCIPAL in ctx.module.code_for_node(node) for node in found)


_FIXED: "weakref.WeakKeyDictionary[FileContext, set[int]]" = weakref.WeakKeyDictionary()


def _seen(ctx: FileContext, key: cst.Call) -> bool:
    """True for every trail but the first that uses ``key`` in this pass: one fix per key."""
    seen = _FIXED.setdefault(ctx, set())
    if id(key) in seen:
        return True
    seen.add(id(key))
    return False
