"""Durations spelled in names: ``THIRTY_DAYS``, ``DAYS_30``, ``ONE_HUNDRED_EIGHTY_DAYS``, ``TWO_YEARS``.

aws-cdk-lib spells retention and similar enums as durations (``logs.RetentionDays.ONE_MONTH``);
drafts invent neighbours (``THIRTY_DAYS``) or pass numbers (``RetentionDays(7)``). Members are
matched by meaning here, never by spelling: CDK104 maps an invented member to the member of the
same duration, CDK112 a number of days to the member that means it.
"""

from __future__ import annotations

import re
from typing import Sequence

NUMBERS = {w: i for i, w in enumerate(
    "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN "
    "SIXTEEN SEVENTEEN EIGHTEEN NINETEEN".split())}
NUMBERS.update({"TWENTY": 20, "THIRTY": 30, "FORTY": 40, "FIFTY": 50, "SIXTY": 60, "SEVENTY": 70, "EIGHTY": 80,
                "NINETY": 90})
#: unit -> days it may mean (shortest, longest): a month is 30 or 31 days, a year 365 or 366
UNIT_DAYS = {"DAY": (1, 1), "WEEK": (7, 7), "MONTH": (30, 31), "YEAR": (365, 366)}


def _number(words: list[str]) -> int | None:
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    total = 0
    for w in words:
        if w == "HUNDRED" and total:
            total *= 100
        elif w in NUMBERS:
            total += NUMBERS[w]
        else:
            return None
    return total or None


def parse(name: str) -> tuple[int, str] | None:
    """``THIRTY_DAYS`` -> (30, "DAY"), ``DAYS_7`` -> (7, "DAY"), ``TWO_YEARS`` -> (2, "YEAR")."""
    words = re.findall(r"\d+|[A-Z]+", name.upper())
    units = [i for i, w in enumerate(words) if w.rstrip("S") in UNIT_DAYS]
    if len(units) != 1:
        return None
    i = units[0]
    n = _number(words[:i] + words[i + 1:])
    return None if n is None else (n, words[i].rstrip("S"))


def canonical(name: str) -> tuple[str, int] | None:
    """A name's duration in canonical units, days below a month, else months; conversions follow
    CloudWatch's retention steps: 30·n days (up to 180) are n months, 365·n days are 12·n months,
    7 days are a week."""
    parsed = parse(name)
    if parsed is None:
        return None
    n, unit = parsed
    if unit == "MONTH":
        return ("m", n)
    if unit == "YEAR":
        return ("m", 12 * n)
    days = n * UNIT_DAYS[unit][0]
    if days % 365 == 0:
        return ("m", 12 * days // 365)
    if days % 30 == 0 and days <= 180:
        return ("m", days // 30)
    return ("d", days)


def days_range(name: str) -> tuple[int, int] | None:
    """The number of days a name means: ``ONE_WEEK`` -> (7, 7), ``TWO_YEARS`` -> (730, 732)."""
    parsed = parse(name)
    if parsed is None:
        return None
    n, unit = parsed
    lo, hi = UNIT_DAYS[unit]
    return n * lo, n * hi


def member_of_same_duration(wrong: str, members: Sequence[str]) -> str | None:
    """The one member that means the same duration as an invented name (``THIRTY_DAYS`` -> ``ONE_MONTH``)."""
    want = canonical(wrong)
    if want is None:
        return None
    same = [m for m in members if canonical(m) == want]
    return same[0] if len(same) == 1 else None


def member_for_days(members: Sequence[str], days: float) -> str | None:
    """The one member of a duration enum that a number of days means (``7`` -> ``ONE_WEEK``); None
    when none or several do, or when the enum is not mostly durations."""
    ranges = {m: days_range(m) for m in members}
    durations = {m: r for m, r in ranges.items() if r is not None}
    if len(durations) * 2 < len(members):  # not a duration enum: numbers mean nothing
        return None
    hits = [m for m, (lo, hi) in durations.items() if lo <= days <= hi]
    return hits[0] if len(hits) == 1 else None
