from __future__ import annotations

from typing import Iterator

from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier

SYMMETRIC = "aws_cdk.aws_kms.KeySpec.SYMMETRIC_DEFAULT"


class KmsKeyRotation(Rule):
    """
    ## What it does
    Finds KMS keys (`kms.Key`, `kms.CfnKey`) that do not rotate their key material:
    `enable_key_rotation` is missing or `False` and no `rotation_period` is set.

    ## Why is this bad?
    A key that never rotates keeps encrypting with the same material for its whole life, so a
    leaked key exposes everything it ever protected. Yearly rotation is the AWS baseline
    (cdk-nag AwsSolutions-KMS5, checkov CKV_AWS_7).

    ## Example
    ```python
    key = kms.Key(self, "DataKey")
    ```
    Use instead:
    ```python
    key = kms.Key(self, "DataKey", enable_key_rotation=True)
    ```

    ## Fix safety
    Safe: enabling rotation keeps the key, its ARN and every ciphertext readable. Asymmetric and
    HMAC keys (`key_spec` other than `SYMMETRIC_DEFAULT`) cannot rotate and fail synth if asked
    to, so they are left alone; so are `CfnKey`s whose `origin` is not `AWS_KMS` (`EXTERNAL`:
    imported key material), on which CloudFormation rejects rotation.
    """

    code, name, tier = "CDK301", "kms-key-rotation", Tier.SAFE
    summary = "KMS keys must rotate their key material"
    targets = ("aws_cdk.aws_kms.Key", "aws_cdk.aws_kms.CfnKey")
    changelog = "Enable KMS key rotation on {count} {noun}"
    noun = ("key", "keys")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread or not self._symmetric(call):
            return
        if call.is_l1 and call.literal("origin", "AWS_KMS") != "AWS_KMS":
            return  # imported key material (EXTERNAL) cannot rotate automatically
        if call.has("rotation_period") or call.has("rotation_period_in_days"):
            return
        rotation = call.literal("enable_key_rotation")
        if rotation not in (None, False):  # True, or a value we cannot know
            return
        # `enable_key_rotation=False` is the problem when written; else the call that lacks it
        yield self.finding(call.arg("enable_key_rotation") or call, "KMS key does not rotate its key material",
                           fix=call.set_keyword("enable_key_rotation", "True"))

    @staticmethod
    def _symmetric(call: ConstructCall) -> bool:
        if not call.has("key_spec"):
            return True
        if call.is_l1:
            return call.literal("key_spec") == "SYMMETRIC_DEFAULT"
        return call.value_qualname("key_spec") == SYMMETRIC
