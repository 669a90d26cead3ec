from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis.companions import add_before, built_before, readable_base
from remediator.analysis.context import ConstructCall, literal_value
from remediator.analysis.rule import Finding, Fix, Rule, Tier

KEY = "aws_cdk.aws_kms.Key"
SECRETS = ("aws_cdk.aws_secretsmanager.Secret", "aws_cdk.aws_rds.DatabaseSecret")
GENERATED = ("aws_cdk.aws_rds.Credentials.from_generated_secret", "aws_cdk.aws_rds.Credentials.from_username")
L1 = "aws_cdk.aws_secretsmanager.CfnSecret"
#: attributes that name a secret to readers outside the grants CDK writes
_NAMES = ("secret_arn", "secret_name", "secret_full_arn", "secret_partial_arn")
#: calls where a secret's name or ARN goes to readers whose permissions CDK does not manage
_EXPOSED_IN = ("aws_cdk.CfnOutput", "aws_cdk.aws_iam.PolicyStatement", "aws_cdk.aws_iam.PolicyStatement.from_json",
               "aws_cdk.aws_iam.PolicyDocument.from_json", "aws_cdk.aws_ssm.StringParameter")


def suggested_names() -> list[str]:
    return [KEY, f"{KEY}(enable_key_rotation)", "aws_cdk.aws_secretsmanager.Secret(encryption_key)",
            "aws_cdk.aws_rds.DatabaseSecret(encryption_key)",
            "aws_cdk.aws_rds.Credentials.from_generated_secret(encryption_key)",
            "aws_cdk.aws_rds.Credentials.from_username(encryption_key)"]


class SecretCustomerManagedKey(Rule):
    """
    ## What it does
    Finds Secrets Manager secrets encrypted with the AWS managed key `aws/secretsmanager`:
    `secretsmanager.Secret`, `rds.DatabaseSecret` and the secrets `rds.Credentials.from_generated_secret`
    (or `from_username` without a password) create, without `encryption_key`. The fix passes a
    rotating KMS key of the same function (a `kms.Key` built earlier that rotates, or that CDK301
    makes rotate), else a new `kms.Key(self, "<Secret>Key", enable_key_rotation=True)` added
    right before the secret. A `CfnSecret` without `kms_key_id` is reported.

    ## Why is this bad?
    The AWS managed key's policy cannot be changed, it cannot be shared with other accounts, and
    its use cannot be limited to the principals that should read the secret: anyone in the
    account with `secretsmanager:GetSecretValue` can decrypt it (checkov CKV_AWS_149).

    ## Example
    ```python
    secret = secretsmanager.Secret(self, "ApiSecret")
    ```
    Use instead:
    ```python
    api_secret_key = kms.Key(self, "ApiSecretKey", enable_key_rotation=True)
    secret = secretsmanager.Secret(self, "ApiSecret", encryption_key=api_secret_key)
    ```

    ## Fix safety
    `KmsKeyId` is not a create-only property of `AWS::SecretsManager::Secret`: the secret is
    updated in place (same ARN, same value), and Secrets Manager re-encrypts its AWSCURRENT,
    AWSPENDING and AWSPREVIOUS versions with the new key. What changes is who can read it: with a
    customer managed key, a reader also needs `kms:Decrypt` on that key. Readers granted through
    `secret.grant_read(...)` (and `db.secret`, ECS secrets, hosted rotation) get it from CDK;
    others do not, at the latest once the secret gets a new version. The fix is therefore safe
    where the code shows no other readers, and **unsafe** (applied with `--unsafe-fixes`, the
    finding says why) when the secret has a fixed `secret_name` (readers may find it by name),
    or its name or ARN goes into a `CfnOutput`, an IAM policy statement or an SSM parameter.
    On a database's generated secret only the secret changes: the instance's
    `MasterUserPassword` is the same dynamic reference, so the database is not modified. Keys
    with a `policy=` of their own, asymmetric or HMAC keys, keys bound more than once or
    defined in another function, and secrets built in a loop, with `**kwargs`, or without a
    plain scope argument get no new key written for them (reported instead).
    """

    code, name, tier = "CDK305", "secret-customer-managed-key", Tier.SAFE
    tier_note = "(unsafe when the secret is read outside CDK grants)"
    summary = "Secrets must be encrypted with a rotating customer managed KMS key"
    targets = (*SECRETS, *GENERATED, L1)
    triggers = ("Secret", "from_generated_secret", "from_username")
    changelog = "Encrypt {count} {noun} with a rotating customer managed KMS key"
    noun = ("secret", "secrets")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread or call.has("encryption_key"):
            return
        if call.qualname == L1:
            if not call.has("kms_key_id"):
                yield self.finding(call, "secret is encrypted with the AWS managed key aws/secretsmanager: set "
                                         "kms_key_id to the ARN of a rotating KMS key (and grant its readers "
                                         "kms:Decrypt)")
            return
        if call.qualname.endswith(".from_username") and call.has("password"):
            return  # no secret is generated
        what = "secret" if call.qualname in SECRETS else "generated database secret"
        owner = _owner(call)
        message = f"{what} is encrypted with the AWS managed key aws/secretsmanager"
        keys = built_before(call, (KEY,), _usable_key)
        if keys:
            key_name = keys[0].binding
            edits = [call.set_keyword("encryption_key", key_name or "")]
            message += f": encrypt it with the rotating key `{key_name}`"
        else:
            scope = call.positional(0) if call.qualname in SECRETS else (owner.positional(0) if owner else None)
            base = readable_base(owner or call, "secret_key")
            id_base = f"{(owner or call).construct_id or 'Secret'}{'Key' if owner is None else 'SecretKey'}"
            added = add_before(call, base, id_base, '{name} = `%s`({scope}, "{id}", enable_key_rotation=True)' % KEY,
                               scope=scope)
            if added is None:
                yield self.finding(call, message + ": encrypt it with a rotating KMS key (encryption_key=); not "
                                   "fixed here: the statement runs repeatedly or its scope is not a plain name")
                return
            edit, key_name = added
            edits = [edit, call.set_keyword("encryption_key", key_name)]
            message += f": encrypt it with a new rotating key `{key_name}`"
        risk = _readers_outside_grants(call, owner)
        if risk:
            yield self.finding(call, f"{message}; unsafe: {risk}, and such readers need kms:Decrypt on the key "
                                     "(CDK grants only what grant_read gives)", fix=Fix(edits), tier=Tier.UNSAFE)
            return
        yield self.finding(call, message, fix=Fix(edits))


def _usable_key(key: ConstructCall) -> bool:
    """A symmetric encrypt/decrypt key with the default key policy, rotating or made to rotate by CDK301."""
    if key.has_kwargs_spread or key.has("policy"):
        return False
    if key.has("key_spec") and key.value_qualname("key_spec") != "aws_cdk.aws_kms.KeySpec.SYMMETRIC_DEFAULT":
        return False
    if key.has("key_usage") and key.value_qualname("key_usage") != "aws_cdk.aws_kms.KeyUsage.ENCRYPT_DECRYPT":
        return False
    return key.has("rotation_period") or key.literal("enable_key_rotation") in (None, True, False)


def _owner(call: ConstructCall) -> ConstructCall | None:
    """The construct whose ``credentials=`` holds ``rds.Credentials.from_generated_secret(...)``."""
    if call.qualname in SECRETS:
        return None
    arg = call.ctx.parent(call.node)
    outer = call.ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    if isinstance(arg, cst.Arg) and isinstance(outer, cst.Call):
        q = call.ctx.call_qualname(outer)
        if q is not None:
            return ConstructCall(call.ctx, outer, q)
    return None


def _readers_outside_grants(call: ConstructCall, owner: ConstructCall | None) -> str | None:
    """Why the secret may have readers that CDK's grants do not cover, or None."""
    name = call.value("secret_name")
    if name is not None and literal_value(name) is not None:
        return "it has a fixed name (`secret_name=`) that readers elsewhere may use"
    holder = owner or call
    if holder.binding is None:
        return None
    ctx = call.ctx
    for attr in ctx.attributes:
        if attr.attr.value not in _NAMES:
            continue
        receiver = attr.value
        if owner is not None:  # db.secret.secret_arn
            if not (isinstance(receiver, cst.Attribute) and receiver.attr.value == "secret"):
                continue
            receiver = receiver.value
        if not holder.refers_to(receiver, attr):
            continue
        for anc in ctx.ancestors(attr):
            if isinstance(anc, cst.Call) and ctx.call_qualname(anc) in _EXPOSED_IN:
                where = ctx.call_qualname(anc).rsplit(".", 2)  # type: ignore[union-attr]
                return f"its {attr.attr.value} goes into {'.'.join(where[-2:]) if where[-1][0].islower() else where[-1]} " \
                       f"(line {ctx.position(attr)[0]})"
    return None
