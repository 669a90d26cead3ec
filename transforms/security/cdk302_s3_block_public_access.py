from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis.cdk_facts import bucket_policies_of, is_website_bucket
from remediator.analysis.context import NOT_LITERAL, ConstructCall, literal_value
from remediator.analysis import edits as E
from remediator.analysis.rule import Edit, Finding, Rule, Tier

BPA = "aws_cdk.aws_s3.BlockPublicAccess"
UNSET_L2 = "does not set `block_public_access`"
UNSET_L1 = "does not set `public_access_block_configuration`"
#: S3 blocks public access on new buckets by default since 2023, but not in the template
EXPLICIT = (": block all public access explicitly (S3's default for new buckets is not in the template, where "
            "scanners, organisation policies and drift detection look)")
PAB_PROPERTY = "aws_cdk.aws_s3.CfnBucket.PublicAccessBlockConfigurationProperty"
FLAGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
PUBLIC_CANNED_ACLS = ("PUBLIC_READ", "PUBLIC_READ_WRITE", "AUTHENTICATED_READ", "PublicRead", "PublicReadWrite",
                      "AuthenticatedRead")
#: principals that make a bucket policy statement public (BlockPublicPolicy rejects such a policy)
PUBLIC_PRINCIPALS = ("aws_cdk.aws_iam.AnyPrincipal", "aws_cdk.aws_iam.StarPrincipal")


class S3BlockPublicAccess(Rule):
    """
    ## What it does
    Finds S3 buckets that do not block all public access explicitly: `s3.Bucket` without `block_public_access`,
    with `BlockPublicAccess.BLOCK_ACLS_ONLY` (or `BLOCK_ACLS`), or with a
    `BlockPublicAccess(...)` that leaves any of its four flags off; `s3.CfnBucket` without
    `public_access_block_configuration`, or with one whose flags are not all `True`.

    ## Why is this bad?
    Without a public access block, one ACL or bucket-policy change is enough to publish the
    bucket's objects to the internet. Blocking all four kinds of public access is the AWS
    baseline (checkov CKV_AWS_53 to CKV_AWS_56).

    ## Example
    ```python
    bucket = s3.Bucket(self, "Data")
    ```
    Use instead:
    ```python
    bucket = s3.Bucket(self, "Data", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
    ```

    ## Fix safety
    Safe for private buckets: nothing that reads them through IAM or a bucket policy granting
    AWS principals changes. Buckets that are meant to be public (`public_read_access=True`, a
    website configuration, a public canned ACL, `bucket.grant_public_access()`, or
    `bucket.add_to_resource_policy(...)` or an `s3.BucketPolicy`/`s3.CfnBucketPolicy` of the
    bucket granting `AnyPrincipal()`/`StarPrincipal()`/`"*"`, in the same scope) are reported but never changed: `BLOCK_ALL` makes their synth or deployment fail,
    and they should be served through CloudFront with an origin access control instead. Calls with a `**kwargs` spread and values that are not literals
    are left alone.
    """

    code, name, tier = "CDK302", "s3-block-public-access", Tier.SAFE
    summary = "S3 buckets must block all public access"
    targets = ("aws_cdk.aws_s3.Bucket", "aws_cdk.aws_s3.CfnBucket")
    changelog = "Block public access on {count} S3 {noun}"
    noun = ("bucket", "buckets")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        if call.is_l1:
            yield from self._check_l1(call)
        else:
            yield from self._check_l2(call)

    # -- s3.Bucket ------------------------------------------------------------------------------
    def _check_l2(self, call: ConstructCall) -> Iterator[Finding]:
        problem = self._l2_problem(call)
        if problem is None:
            return
        at = call.arg("block_public_access") or call  # a partial setting when written
        public = self._l2_public_reason(call)
        if public is not None:
            yield self.finding(at, f"S3 bucket {problem}, and it is public ({public}): serve it through "
                                     "CloudFront with an origin access control, then block public access")
            return
        yield self.finding(at, f"S3 bucket {problem}{EXPLICIT if problem == UNSET_L2 else ''}",
                           fix=call.set_keyword("block_public_access", f"`{BPA}`.BLOCK_ALL"))

    @staticmethod
    def _l2_problem(call: ConstructCall) -> str | None:
        value = call.value("block_public_access")
        if value is None or literal_value(value) is None:
            return UNSET_L2
        qualname = call.ctx.qualname(value)
        if qualname in (f"{BPA}.BLOCK_ACLS_ONLY", f"{BPA}.BLOCK_ACLS"):
            return "blocks public ACLs only, not public bucket policies"
        if isinstance(value, cst.Call) and call.ctx.call_qualname(value) == BPA:
            if _flags_off(value):
                return "leaves some public access unblocked"
        return None

    @staticmethod
    def _l2_public_reason(call: ConstructCall) -> str | None:
        read = call.literal("public_read_access")
        if read is not None and read is not False:
            return "public_read_access"
        if is_website_bucket(call):
            return "website hosting"
        acl = call.value_qualname("access_control")
        if acl is not None and acl.rsplit(".", 1)[-1] in PUBLIC_CANNED_ACLS:
            return "public canned ACL"
        if any(True for _ in call.method_calls("grant_public_access")):
            return "grant_public_access"  # synth fails with BLOCK_ALL
        for use in call.method_calls("add_to_resource_policy"):
            if _public_statement(call.ctx, use):
                return "a bucket policy for any principal"  # the deployment fails with BLOCK_ALL
        return _public_policy_construct(call)

    # -- s3.CfnBucket ---------------------------------------------------------------------------
    def _check_l1(self, call: ConstructCall) -> Iterator[Finding]:
        value = call.value("public_access_block_configuration")
        if value is None or literal_value(value) is None:
            problem = UNSET_L1
        elif isinstance(value, cst.Call) and call.ctx.call_qualname(value) == PAB_PROPERTY and _flags_off(value):
            problem = "leaves some public access unblocked"
        elif isinstance(value, cst.Dict) and _dict_flags_off(value):
            problem = "leaves some public access unblocked"
        else:
            return
        at = call.arg("public_access_block_configuration") or call  # a partial setting when written
        if is_website_bucket(call):
            yield self.finding(at, f"S3 bucket {problem}, and it is public (website hosting): serve it through "
                                     "CloudFront with an origin access control, then block public access")
            return
        public = _public_policy_construct(call)
        if public is not None:
            yield self.finding(at, f"S3 bucket {problem}, and it is public ({public}): serve it through "
                                     "CloudFront with an origin access control, then block public access")
            return
        acl = call.literal("access_control")
        if acl in PUBLIC_CANNED_ACLS:
            yield self.finding(at, f"S3 bucket {problem}, and it is public (public canned ACL): serve it through "
                                     "CloudFront with an origin access control, then block public access")
            return
        if isinstance(value, cst.Call):  # turn the flags on where they are, keeping the layout
            fix = Edit(value, replace=lambda n: _all_flags_true(n))
        else:
            fix = _set_l1_property(call)
        yield self.finding(at, f"S3 bucket {problem}{EXPLICIT if problem == UNSET_L1 else ''}", fix=fix)


def _public_statement(ctx, use: cst.Call) -> bool:
    """``add_to_resource_policy(...)`` (or ``add_statements``, or a policy construct) with an
    ``AnyPrincipal()``/``StarPrincipal()``, or a ``"Principal": "*"`` / ``{"AWS": "*"}`` of a JSON
    document, in its arguments (written there, or bound to a name in the same scope)."""
    found = False

    class Visitor(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            nonlocal found
            found = found or ctx.call_qualname(node) in PUBLIC_PRINCIPALS

        def visit_DictElement(self, node: cst.DictElement) -> None:
            nonlocal found
            found = found or (literal_value(node.key) in ("Principal", "AWS") and literal_value(node.value) == "*")

    for arg in use.args:
        values = [arg.value] + (ctx.assigned_values(arg.value, use) if isinstance(arg.value, cst.Name) else [])
        for value in values:
            value.visit(Visitor())
    return found


def _public_policy_construct(call: ConstructCall) -> str | None:
    """An ``s3.BucketPolicy``/``s3.CfnBucketPolicy`` of this bucket (``bucket=b``, ``b.bucket_name``,
    ``b.ref``) that grants any principal, in its arguments or ``policy.document.add_statements(...)``."""
    ctx = call.ctx
    for policy in bucket_policies_of(call):
        uses = [policy.node] + [node for node, receiver in ctx.method_calls("add_statements")
                                if isinstance(receiver, cst.Attribute) and receiver.attr.value == "document"
                                and policy.binding is not None and policy.refers_to(receiver.value, node)]
        if any(_public_statement(ctx, use) for use in uses):
            return "a bucket policy for any principal"
    return None


def _flags_off(value: cst.Call) -> bool:
    """A ``BlockPublicAccess(...)``/``PublicAccessBlockConfigurationProperty(...)`` with a flag not
    ``True``; False when any argument is not a literal (we cannot know what it leaves open)."""
    if any(a.star for a in value.args) or any(a.keyword is None for a in value.args):
        return False
    given = {a.keyword.value: literal_value(a.value) for a in value.args if a.keyword is not None}
    if any(v is NOT_LITERAL for v in given.values()):
        return False
    return any(given.get(flag) is not True for flag in FLAGS)


def _dict_flags_off(value: cst.Dict) -> bool:
    """The CloudFormation-style dict form ``{"blockPublicAcls": True, ...}``."""
    names = {flag.replace("_", "") for flag in FLAGS}  # camelCase or snake_case keys
    given = {}
    for el in value.elements:
        if not isinstance(el, cst.DictElement):
            return False
        key = literal_value(el.key)
        if not isinstance(key, str):
            return False
        given[key.replace("_", "").lower()] = literal_value(el.value)
    if any(v is NOT_LITERAL for v in given.values()):
        return False
    return any(given.get(name) is not True for name in names)


def _all_flags_true(value: cst.CSTNode) -> cst.CSTNode:
    assert isinstance(value, cst.Call)
    for flag in FLAGS:
        arg = E.get_keyword(value, flag)
        if arg is None or literal_value(arg.value) is not True:
            value = E.set_keyword(value, flag, "True")
    return value


def _set_l1_property(call: ConstructCall) -> Edit:
    """Add the all-blocked property as a multi-line call, indented one level below the call's
    arguments. A call written on one line is first laid out one argument per line, so that the
    property's ``)`` does not end up in the middle of the call."""
    ws = call.node.whitespace_before_args
    one_line = not isinstance(ws, cst.ParenthesizedWhitespace)
    unit = call.ctx.module.default_indent
    outer = unit if one_line else ws.last_line.value
    inner = outer + unit
    flags = "".join(f"\n{inner}{flag}=True," for flag in FLAGS)
    text, imports = call.ctx.code(f"`{PAB_PROPERTY}`({flags}\n{outer})")
    value = cst.parse_expression(text)

    def replace(node: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(node, cst.Call)
        if one_line and not isinstance(node.whitespace_before_args, cst.ParenthesizedWhitespace):
            node = E.explode_call(node, unit)
        return E.set_keyword(node, "public_access_block_configuration", value)

    return Edit(call.node, replace=replace, imports=imports)
