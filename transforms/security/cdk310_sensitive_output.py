from __future__ import annotations

import re
from typing import Iterator

import libcst as cst

from remediator.analysis.context import ConstructCall
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Finding, Rule, Tier

OUTPUT = "aws_cdk.CfnOutput"
SECRET_VALUE = "aws_cdk.SecretValue"
SECRET_TYPES = ("aws_cdk.aws_secretsmanager.Secret", "aws_cdk.aws_rds.DatabaseSecret",
                "aws_cdk.aws_secretsmanager.CfnSecret")
#: attributes that locate a secret
_LOCATORS = ("secret_arn", "secret_name", "secret_full_arn", "secret_partial_arn", "attr_id", "ref")
_SHOWN = {"secret_arn": "ARN", "secret_name": "name", "secret_full_arn": "full ARN",
          "secret_partial_arn": "partial ARN", "attr_id": "ARN", "ref": "ARN"}
#: names that hold a secret value themselves
_SENSITIVE = re.compile(r"(?:^|_)(?:password|passwd|passphrase|secret(?:_value|_string|_key)?|private_key|"
                        r"access_key|secret_access_key|api_key|token|credentials?|client_secret)(?:$|_)", re.IGNORECASE)
#: names that only locate or describe a secret (an ARN, an id, a name, a length...)
_LOCATOR_WORDS = re.compile(r"(?:^|_)(?:arn|name|id|ids|url|uri|length|policy|rotation|version|key_id)$",
                            re.IGNORECASE)


class SensitiveOutput(Rule):
    """
    ## What it does
    Finds `CfnOutput`s whose value is a secret or locates one: a secret's value
    (`secret.secret_value`, `secret_value_from_json(...)`, `SecretValue...`, `unsafe_unwrap()`),
    an attribute or variable named like a password, token, private key or client secret
    (`user_pool_client.user_pool_client_secret`), or a Secrets Manager secret's ARN or name
    (`secret.secret_arn`, `db.secret.secret_arn`).

    ## Why is this bad?
    Stack outputs are plain text for anyone who may describe the stack
    (`cloudformation:DescribeStacks`), show in the console and in CI logs, and can be imported by
    any other stack of the account and region. A secret's value there is disclosed; a secret's
    ARN tells an attacker which secret to go after and invites readers that were never granted
    access through the stack (seed 002).

    ## Example
    ```python
    secret = secretsmanager.Secret(self, "ApiSecret")
    cdk.CfnOutput(self, "ApiSecretArn", value=secret.secret_arn)
    ```
    Use instead:
    ```python
    secret = secretsmanager.Secret(self, "ApiSecret")
    ```

    ## Fix safety
    Report only: removing an output breaks the stacks and scripts that read it (an exported
    output cannot be removed while another stack imports it). Give readers access through
    `secret.grant_read(...)` and pass the secret object to the constructs that need it.
    """

    code, name, tier = "CDK310", "sensitive-output", Tier.REPORT
    summary = "Stack outputs must not expose secrets"
    targets = (OUTPUT,)
    noun = ("output", "outputs")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        value = call.value("value")
        if value is None:
            return
        what = _sensitive(call, value)
        if what is not None:
            yield self.finding(call.arg("value") or call, f"stack output `{call.construct_id or '?'}` {what}")


def _sensitive(call: ConstructCall, value: cst.BaseExpression) -> str | None:
    ctx = call.ctx
    while isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) \
            and value.func.attr.value in ("to_string", "unsafe_unwrap", "format"):
        if value.func.attr.value == "unsafe_unwrap":
            return "discloses a secret value in plain text (unsafe_unwrap): read it from Secrets Manager instead"
        value = value.func.value
    q = ctx.qualname(value.func) if isinstance(value, cst.Call) else ctx.qualname(value)
    if q is not None and (q.startswith(SECRET_VALUE + ".") or q == SECRET_VALUE):
        return "discloses a secret value in plain text: read it from Secrets Manager instead"
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) \
            and value.func.attr.value in ("secret_value_from_json", "secret_value"):
        return "discloses a secret value in plain text: read it from Secrets Manager instead"
    spelled = dotted_name(value)
    if spelled is None:
        return None
    last = spelled.rsplit(".", 1)[-1]
    if last == "secret_value":
        return "discloses a secret value in plain text: read it from Secrets Manager instead"
    if last in _LOCATORS and "." in spelled:
        receiver = cst.parse_expression(spelled.rsplit(".", 1)[0])
        owner = ctx.constructed_type(value.value, value) if isinstance(value, cst.Attribute) else None
        if owner in SECRET_TYPES or spelled.rsplit(".", 2)[-2] == "secret" or (owner is None and last.startswith("secret_")):
            return (f"exposes the {_SHOWN.get(last, last)} of a secret ({ctx.module.code_for_node(receiver)}) to anyone "
                    "who can describe the stack: grant readers access with grant_read and pass the secret object "
                    "instead")
        return None
    if _SENSITIVE.search(last) and not _LOCATOR_WORDS.search(last):
        return f"holds `{spelled}`, which by its name is a secret: do not output it"
    return None
