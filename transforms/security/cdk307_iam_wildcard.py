from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis import iam
from remediator.analysis.context import FileContext
from remediator.analysis.rule import Finding, Rule, Tier

#: IAM service prefixes whose aws_cdk module is not ``aws_<prefix>``
MODULES = {"states": "aws_stepfunctions", "elasticfilesystem": "aws_efs", "es": "aws_opensearchservice",
           "firehose": "aws_kinesisfirehose", "execute-api": "aws_apigateway", "cognito-idp": "aws_cognito"}
#: grant methods that widen access rather than narrow it
_NOT_SUGGESTED = ("grant_public_access", "grant_principal", "grant_on_key", "grant_replication_permission",
                  "grant_put_acl", "grant_full_access")


class IamWildcard(Rule):
    """
    ## What it does
    Finds IAM policy statements that allow every action of a service (`s3:*`), every action
    (`*`), or act on every resource (`resources=["*"]`): `iam.PolicyStatement(...)` (also when
    handed to `add_to_policy` / `add_to_role_policy`), `PolicyStatement.from_json` and
    `PolicyDocument.from_json` dicts, L1 `policy_document={...}` dicts and
    `Grant.add_to_principal`. The finding names the narrower grants of the resources the same
    function or class builds: `uploads.grant_read(instance_role)` for a bucket,
    `table.grant_read_write_data(...)` for a table (the `grant*` methods of each construct, from
    the aws-cdk-lib API).

    ## Why is this bad?
    A wildcard grants far more than the code needs: `s3:*` on `*` lets a compromised instance
    read, overwrite and delete every bucket of the account, and change their policies. Least
    privilege is the first thing security reviews check (cdk-nag AwsSolutions-IAM5).

    ## Example
    ```python
    role.add_to_policy(iam.PolicyStatement(actions=["s3:*"], resources=["*"]))
    ```
    Use instead:
    ```python
    bucket.grant_read(role)
    ```

    ## Fix safety
    Report only: which actions and resources the code really needs is not in the code. Deny
    statements are not findings (a broad deny narrows access), nor is `"*"` for actions that take
    no resource (`ec2:DescribeInstances`, `xray:PutTraceSegments`: IAM accepts only `"*"` there)
    or name one only optionally (`cloudwatch:GetMetricData`), nor is a statement with
    `conditions` (that is how access-point delegation and service scoping are written).
    """

    code, name, tier = "CDK307", "iam-wildcard", Tier.REPORT
    summary = "IAM statements must not use wildcard actions or resources"
    triggers = ("actions", "Action", "resource_arns")
    noun = ("statement", "statements")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        for st in iam.statements(ctx):
            if st.deny or st.conditions:
                continue  # a broad deny narrows access; conditions are how delegation and scoping are written
            wild = [v.text for v in st.actions if v.text is not None and (v.text == "*" or v.text.endswith(":*"))]
            star = any(v.text == "*" for v in st.resources)
            actions = [v.text for v in st.actions if v.text is not None]
            scoped = [a for a in actions if a not in wild and iam.resource_level(a) is not False]
            if wild:
                what = ", ".join(f"`{w}`" for w in wild) + (" on every resource (`\"*\"`)" if star else "")
                at = st.actions_at or st.node
            elif star and scoped:
                what = ", ".join(f"`{a}`" for a in scoped) + " on every resource (`\"*\"`)"
                at = st.resources_at or st.node
            else:
                continue
            suggestion = _grants(ctx, st, [*wild, *scoped])
            yield self.finding(at, f"IAM statement allows {what}: {suggestion}")


def _grants(ctx: FileContext, st: iam.Statement, actions: list[str]) -> str:
    """The grant methods of the constructs in scope whose service the actions name."""
    who = iam.grantee(ctx, st) or "<principal>"
    prefixes = sorted({a.partition(":")[0].lower() for a in actions if ":" in a})
    offers = []
    for construct, qualname in _constructs_in_scope(ctx, st.node):
        module = qualname.split(".")[1] if qualname.count(".") >= 2 else ""
        if not any(module == MODULES.get(p, f"aws_{p}") for p in prefixes) and "*" not in actions:
            continue
        methods = sorted((m for m in ctx.api.methods(qualname) if m.startswith("grant_") and m not in _NOT_SUGGESTED),
                         key=_preference)
        if methods:
            more = f" (or {', '.join(methods[1:4])})" if len(methods) > 1 else ""
            offers.append(f"`{construct}.{methods[0]}({who})`{more}")
    if offers:
        return "grant only what is needed on the resources in scope instead: " + "; ".join(offers[:4])
    return "list the actions it needs and the ARNs of the resources it uses"


def _preference(method: str) -> tuple[int, int, str]:
    """Read grants first, then read-write, then write, then the rest; shorter names first."""
    narrow = ("read", "consume", "decrypt", "invoke", "publish", "send", "start_execution", "connect")
    rank = 1 if "read_write" in method or "encrypt_decrypt" in method else \
        0 if any(w in method for w in narrow) and "write" not in method else 2 if "write" in method else 3
    return rank, len(method), method


def _constructs_in_scope(ctx: FileContext, at: cst.CSTNode) -> list[tuple[str, str]]:
    """(variable, class) of the constructs bound in the function holding ``at`` and, as ``self.x``,
    in its class; one entry per variable."""
    fn = ctx.enclosing(at, cst.FunctionDef)
    cls = ctx.enclosing(at, cst.ClassDef)
    out: dict[str, str] = {}
    for a in ctx.assignments:
        if not isinstance(a.value, cst.Call) or not (a.scope is fn or (a.target.startswith("self.") and a.scope is cls)):
            continue
        q = ctx.call_qualname(a.value)
        if q is not None and ctx.api.is_class(q) and q.startswith("aws_cdk.aws_") and not q.startswith("aws_cdk.aws_iam."):
            out.setdefault(a.target, q)
    return list(out.items())
