"""Every name a rule can write exists in the API index of the version in use.

Rules take part by defining, in their module (transforms/<family>/cdkNNN_*.py), a function
``suggested_names() -> Iterable[str]`` returning every name their reviewed tables or fixed code
can write; optionally ``absent_names()`` for names they treat as missing (the wrong names of a
rename table), which must NOT exist. Each name is checked with ``ApiIndex.name_exists``:

* a dotted name: a module (``aws_cdk.aws_elasticloadbalancingv2``), a type
  (``aws_cdk.SecretValue``) or a member (``aws_cdk.aws_logs.RetentionDays.ONE_MONTH``);
* a keyword: ``aws_cdk.aws_rds.DatabaseInstance(preferred_backup_window)`` (constructor) or
  ``aws_cdk.aws_s3.Bucket.grant_read(objects_key_pattern)`` (method).

Nothing needs registering: every rule module is imported and asked.
"""

from __future__ import annotations

import pathlib
import types

import pytest

import remediator.transforms as transforms_pkg
from remediator.api import get_index
from remediator.transforms import all_rules, rule_module

#: CDK1xx rules whose fixes write API names: they must declare them
MUST_DECLARE = ("CDK101", "CDK102", "CDK103", "CDK104", "CDK105", "CDK112")


def _rule_modules() -> dict[str, types.ModuleType]:
    return {rule.code: rule_module(rule) for rule in all_rules()}


MODULES = _rule_modules()
DECLARING = sorted(code for code, mod in MODULES.items() if hasattr(mod, "suggested_names"))
DECLARING_ABSENT = sorted(code for code, mod in MODULES.items() if hasattr(mod, "absent_names"))


@pytest.fixture(scope="module")
def api():
    return get_index(None, None)


def test_rule_modules_are_found() -> None:
    """Every ``cdkNNN_*.py`` file under transforms/ defines the rule of its code."""
    files = {p.name[:6].upper() for p in pathlib.Path(transforms_pkg.__path__[0]).rglob("cdk*.py")}
    assert files == set(MODULES)
    assert all(MODULES[code].__name__.rsplit(".", 1)[-1][:6].upper() == code for code in MODULES)


@pytest.mark.parametrize("code", [c for c in MUST_DECLARE if c in MODULES])
def test_api_rules_declare_their_names(code: str) -> None:
    assert hasattr(MODULES[code], "suggested_names"), f"{code} writes API names but has no suggested_names()"


@pytest.mark.parametrize("code", DECLARING)
def test_suggested_names_exist(api, code: str) -> None:
    names = list(MODULES[code].suggested_names())
    assert names, f"{code}.suggested_names() is empty"
    missing = [n for n in names if not api.name_exists(n)]
    assert not missing, f"{code} can write names that aws-cdk-lib {api.version} does not have: {missing}"


@pytest.mark.parametrize("code", DECLARING_ABSENT)
def test_absent_names_are_absent(api, code: str) -> None:
    names = list(MODULES[code].absent_names())
    assert names
    present = [n for n in names if api.name_exists(n)]
    assert not present, f"{code} treats names as missing that aws-cdk-lib {api.version} has: {present}"


def test_name_exists_can_fail(api) -> None:
    """The check above is not vacuous: made-up names of each form are rejected."""
    assert not api.name_exists("aws_cdk.aws_elbv2")
    assert not api.name_exists("aws_cdk.aws_logs.RetentionDays.THIRTY_DAYS")
    assert not api.name_exists("aws_cdk.aws_rds.DatabaseInstance(backup_window)")
    assert not api.name_exists("aws_cdk.aws_s3.Bucket.grant(objects_key_pattern)")


def test_cdk101_guesses_nothing_with_the_bundled_index() -> None:
    """A close match is applied only against the project's own aws-cdk-lib."""
    from remediator.api import load_bundled

    rule = MODULES["CDK101"].UnknownCdkModule
    bundled = load_bundled()
    assert bundled.bundled
    fitting, picks = rule.candidates(bundled, "aws_cdk", "aws_stepfunction", {"StateMachine"})
    assert fitting == [] and "aws_cdk.aws_stepfunctions" in picks
    # the reviewed table and the aws_ prefix stay well-founded
    assert rule.candidates(bundled, "aws_cdk", "aws_elbv2", set())[0] == ["aws_cdk.aws_elasticloadbalancingv2"]
    assert rule.candidates(bundled, "aws_cdk", "s3", {"Bucket"})[0] == ["aws_cdk.aws_s3"]
    installed = get_index(None, None)
    if not installed.bundled:
        assert rule.candidates(installed, "aws_cdk", "aws_stepfunction", {"StateMachine"})[0] == [
            "aws_cdk.aws_stepfunctions"]
