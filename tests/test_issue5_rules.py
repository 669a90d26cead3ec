"""Ground truth for the CDK112 enum mapping: the numbers aws-cdk-lib itself gives RetentionDays
members (read from the compiled JavaScript inside the installed wheel's jsii tarball) must map
back to exactly those members, and numbers no member means must map to none."""

from __future__ import annotations

import re
import tarfile

import pytest

from remediator.api import get_index, locate
from remediator.transforms.cdk112_missing_required_argument import duration_range, member_for_value

RETENTION = "aws_cdk.aws_logs.RetentionDays"


def _retention_values() -> dict[str, int]:
    assembly = locate.from_interpreter()
    if assembly is None:
        pytest.skip("aws-cdk-lib is not installed")
    with tarfile.open(assembly.tgz) as tf:
        js = tf.extractfile("package/aws-logs/lib/log-group.js").read().decode()  # type: ignore[union-attr]
    # RetentionDays2[RetentionDays2.ONE_WEEK=7]="ONE_WEEK"
    values = {m.group(1): int(m.group(2)) for m in re.finditer(r"RetentionDays\d*\.([A-Z_]+)=(\d+)\]", js)}
    assert len(values) > 20, "the compiled enum was not found: has log-group.js changed shape?"
    return values


def test_every_real_retention_value_maps_to_its_member() -> None:
    values = _retention_values()
    members = get_index().enum_members(RETENTION)
    for member, days in values.items():
        if member == "INFINITE":  # 9999 in JavaScript: no duration meaning, must not match anything
            assert member_for_value(members, days) == (None, "")
            continue
        assert member_for_value(members, days)[0] == member, (member, days)


@pytest.mark.parametrize("days,member", [(7, "ONE_WEEK"), (30, "ONE_MONTH"), (31, "ONE_MONTH"), (365, "ONE_YEAR"),
                                         (730, "TWO_YEARS"), (390, "THIRTEEN_MONTHS"), (180, "SIX_MONTHS")])
def test_human_day_counts(days: int, member: str) -> None:
    assert member_for_value(get_index().enum_members(RETENTION), days)[0] == member


@pytest.mark.parametrize("days", [0, 2, 10, 29, 32, 364, 367, 1000, -7])
def test_numbers_no_member_means(days: int) -> None:
    assert member_for_value(get_index().enum_members(RETENTION), days) == (None, "")


def test_strings_and_non_duration_enums() -> None:
    api = get_index()
    billing = api.enum_members("aws_cdk.aws_dynamodb.BillingMode")
    assert member_for_value(billing, "pay-per-request")[0] == "PAY_PER_REQUEST"
    assert member_for_value(billing, "on demand") == (None, "")
    assert member_for_value(billing, 1) == (None, "")  # numbers mean nothing for a non-duration enum
    assert member_for_value(api.enum_members(RETENTION), True) == (None, "")


def test_duration_ranges() -> None:
    assert duration_range("ONE_WEEK") == (7, 7)
    assert duration_range("TWO_YEARS") == (730, 732)
    assert duration_range("EIGHTEEN_MONTHS") == (540, 558)
    assert duration_range("INFINITE") is None
    assert duration_range("MANY_DAYS") is None
