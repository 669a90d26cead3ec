"""The README tells the truth: its table of rules is `remediator rules`, and it stands on its own."""

from __future__ import annotations

import os
import re

from remediator.transforms import all_rules

README = os.path.join(os.path.dirname(__file__), os.pardir, "README.md")


def _text() -> str:
    with open(README, encoding="utf-8") as fh:
        return fh.read()


def test_rules_table_lists_every_rule_with_its_name_and_tier() -> None:
    rows = re.findall(r"^\| (CDK\d{3}) \| ([a-z0-9-]+) \| ([^|]+) \|", _text(), re.MULTILINE)
    table = {code: (name, tier.strip()) for code, name, tier in rows}
    assert len(table) == len(rows), "a rule is listed twice"
    assert table == {r.code: (r.name, r.tier_label()) for r in all_rules()}


def test_readme_refers_to_nothing_outside_the_repository() -> None:
    assert "../shared" not in _text()
    assert "DESIGN.md" not in _text() and "RULES.md" not in _text()
