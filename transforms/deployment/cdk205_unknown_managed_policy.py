from __future__ import annotations

import re
from typing import Iterator

import libcst as cst

from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.iam import managed_policies
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier

FROM_NAME = "aws_cdk.aws_iam.ManagedPolicy.from_aws_managed_policy_name"
FROM_ARN = "aws_cdk.aws_iam.ManagedPolicy.from_managed_policy_arn"
#: L1 principals: ``managed_policy_arns=["arn:aws:iam::aws:policy/..."]``
L1_PRINCIPALS = ("aws_cdk.aws_iam.CfnRole", "aws_cdk.aws_iam.CfnUser", "aws_cdk.aws_iam.CfnGroup")
#: an AWS managed policy's ARN (any partition, written out or formatted in): the path and name
_ARN = re.compile(r":iam::aws:policy/([\w+=,.@/-]+)$")


def suggested_names() -> list[str]:
    return [FROM_NAME, FROM_ARN, "aws_cdk.aws_iam.CfnRole(managed_policy_arns)",
            "aws_cdk.aws_iam.Role(managed_policies)", "aws_cdk.aws_iam.Role.add_managed_policy"]


class UnknownManagedPolicy(Rule):
    """
    ## What it does
    Finds AWS managed policies that do not exist: `iam.ManagedPolicy.from_aws_managed_policy_name(X)`,
    `ManagedPolicy.from_managed_policy_arn(self, id, "arn:aws:iam::aws:policy/X")` and the
    `managed_policy_arns` of `CfnRole` / `CfnUser` / `CfnGroup`, where `X` is not in the list of
    AWS managed policies that remediator ships (a dated snapshot of IAM's own list, see
    `remediator/data/aws-managed-policies.txt`). Policies of service-linked roles
    (`aws-service-role/...`), which IAM attaches to those roles only, are reported too.

    ## Why is this bad?
    Neither synth nor cfn-lint notices (verified); the deployment fails when IAM cannot find
    the policy, and rolls back the stack. Assistants often invent plausible names
    (`service-role/VPCFlowLogsDeliveryRolePolicy`) or leave out the path
    (`AWSLambdaBasicExecutionRole` lives at `service-role/AWSLambdaBasicExecutionRole`).

    ## Example
    ```python
    role = iam.Role(self, "FlowLog", assumed_by=iam.ServicePrincipal("vpc-flow-logs.amazonaws.com"))
    role.add_managed_policy(
        iam.ManagedPolicy.from_aws_managed_policy_name("service-role/VPCFlowLogsDeliveryRolePolicy")
    )
    ```
    Use instead:
    ```python
    role = iam.Role(self, "FlowLog", assumed_by=iam.ServicePrincipal("vpc-flow-logs.amazonaws.com"))
    ```

    ## Fix safety
    Safe: a policy that does not exist was never attached, so no deployed permission changes.
    The entry is removed (from `managed_policies=[...]`, the `add_managed_policy(...)` statement,
    the ARN list); the role itself stays (dropping a flow log's role would replace the flow log).
    CDK already grants a flow log's own role what it needs (verified); other roles may need the
    permissions the name promised: the finding says to grant them. A name that differs from a
    real policy only in case or path is corrected (`AWSLambdaBasicExecutionRole` ->
    `service-role/AWSLambdaBasicExecutionRole`) when exactly one policy matches; a name close to
    real ones (`AmazonS3ReadOnly`) is reported with the candidates, not renamed. A policy that
    AWS published after the snapshot's date is reported as unknown: refresh the snapshot
    (`python tools/refresh_managed_policies.py`) or suppress the finding. Names that are not
    literals, and policies bound to a name first, are reported without a fix.
    """

    code, name, tier = "CDK205", "unknown-managed-policy", Tier.SAFE
    tier_note = "(close names reported)"
    summary = "AWS managed policies must exist"
    targets = (FROM_NAME, FROM_ARN, *L1_PRINCIPALS)
    triggers = ("managed_polic",)
    changelog = "Remove or correct {count} unknown AWS managed {noun}"
    noun = ("policy", "policies")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.qualname == FROM_NAME:
            value = call.positional(0) or call.value("managed_policy_name")
            name = literal_value(value) if value is not None else None
            if isinstance(name, str) and isinstance(value, cst.SimpleString):
                yield from self._judge(call.ctx, call.node, value, name, name)
        elif call.qualname == FROM_ARN:
            value = call.positional(2) or call.value("managed_policy_arn")
            name = _arn_policy(value) if value is not None else None
            if name is not None and value is not None:
                yield from self._judge(call.ctx, call.node, value, name, _arn_shown(call.ctx, value))
        else:
            arns = call.value("managed_policy_arns")
            for element in arns.elements if isinstance(arns, (cst.List, cst.Tuple)) else ():
                name = _arn_policy(element.value)
                if name is not None:
                    yield from self._judge(call.ctx, element.value, element.value, name,
                                           _arn_shown(call.ctx, element.value))

    def _judge(self, ctx: FileContext, entry: cst.BaseExpression, string: cst.BaseExpression, name: str,
               shown: str) -> Iterator[Finding]:
        """``entry`` (the policy's call, or an ARN in a list) names the AWS managed policy ``name``
        through ``string``."""
        policies = managed_policies()
        if policies.attachable(name):
            return
        head = f"\"{shown}\" is not an AWS managed policy (IAM's list of {policies.snapshot}): the deployment fails"
        if policies.exists(name):
            yield self.finding(entry, f"\"{shown}\" is the policy of a service-linked role: IAM attaches it to that "
                                      "role only, so the deployment fails; remove it and grant what the role needs",
                               tier=Tier.REPORT)
            return
        same = policies.same_policy(name)
        if len(same) == 1:
            yield self.finding(entry, f"{head}; it is spelled \"{same[0]}\"",
                               fix=Edit.replace_with(string, _renamed(string, name, same[0])))
            return
        close = same or policies.close(name)
        if close:
            candidates = " or ".join(f"\"{c}\"" for c in close)
            yield self.finding(entry, f"{head}; did you mean {candidates}?", tier=Tier.REPORT)
            return
        removal = _removal(ctx, entry)
        grant = "remove it: it was never attached (grant what it was meant to give explicitly)"
        if removal is None:
            yield self.finding(entry, f"{head}; {grant}", tier=Tier.REPORT)
            return
        yield self.finding(entry, f"{head}; {grant}", fix=removal)


def _arn_policy(value: cst.BaseExpression) -> str | None:
    """``path/name`` of an AWS managed policy ARN written as a string (an f-string may format the
    partition and anything before ``:iam::``)."""
    if isinstance(value, cst.SimpleString):
        text = value.evaluated_value
    elif isinstance(value, cst.FormattedString) and isinstance(value.parts[-1], cst.FormattedStringText):
        text = value.parts[-1].value
    else:
        return None
    m = _ARN.search(text) if isinstance(text, str) else None
    return m.group(1) if m else None


def _arn_shown(ctx: FileContext, value: cst.BaseExpression) -> str:
    return _arn_policy(value) or ctx.module.code_for_node(value)


def _renamed(string: cst.BaseExpression, old: str, new: str) -> cst.BaseExpression:
    """The string (a name, an ARN or an f-string ARN) with the policy ``old`` spelled ``new``."""
    if isinstance(string, cst.FormattedString):
        last = string.parts[-1]
        assert isinstance(last, cst.FormattedStringText)
        return string.with_changes(parts=[*string.parts[:-1], last.with_changes(value=last.value[: -len(old)] + new)])
    assert isinstance(string, cst.SimpleString)
    raw = string.raw_value
    return string.with_changes(value=f"{string.prefix}{string.quote}{raw[: len(raw) - len(old)]}{new}{string.quote}")


def _removal(ctx: FileContext, entry: cst.BaseExpression) -> Edit | Fix | None:
    """The edit that drops ``entry``: its element of a list (the keyword, when it was the only
    one), or its ``x.add_managed_policy(...)`` statement. None anywhere else."""
    parent = ctx.parent(entry)
    if isinstance(parent, cst.Element):
        seq = ctx.parent(parent)
        holder = ctx.parent(seq) if seq is not None else None
        if isinstance(seq, (cst.List, cst.Tuple)) and len(seq.elements) == 1 and isinstance(holder, cst.Arg) \
                and holder.keyword is not None and isinstance(ctx.parent(holder), cst.Call):
            return Edit.remove_keyword(ctx.parent(holder), holder.keyword.value)  # type: ignore[arg-type]
        last = seq.elements[-1] if isinstance(seq, (cst.List, cst.Tuple)) and seq.elements else None
        return Fix([Edit.remove(parent), Edit(seq, replace=lambda node: _ending_as(node, last))])  # type: ignore[arg-type]
    call = ctx.parent(parent) if isinstance(parent, cst.Arg) else None
    stmt = ctx.statement_of(entry)
    if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and call.func.attr.value == "add_managed_policy" \
            and isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 \
            and isinstance(stmt.body[0], cst.Expr) and stmt.body[0].value is call:
        return ctx.remove_statement(call)
    return None


def _ending_as(seq: cst.CSTNode, last: cst.Element | None) -> cst.CSTNode:
    """After an element was removed: the list's last element ends as the original last one did
    (its trailing comma or none, and the line break before the bracket)."""
    elements = list(getattr(seq, "elements", ()))
    if not elements or last is None or isinstance(seq, cst.Tuple) and len(elements) == 1:
        return seq
    return seq.with_changes(elements=[*elements[:-1], elements[-1].with_changes(comma=last.comma)])
