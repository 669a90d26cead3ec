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


def test_readme_opens_with_what_it_is_a_picture_and_the_two_commands() -> None:
    text = _text()
    head = text[:text.index("```")]
    paragraphs = [p for p in head.split("\n\n")[1:] if p.strip() and not p.startswith("![")]
    assert len(paragraphs) == 1, "one short paragraph before the commands"
    assert paragraphs[0].startswith("remediator repairs misconfigured AWS CDK stacks")
    assert "](docs/fix-diff.svg)" in head  # the picture of a diff it produces
    blocks = re.findall(r"```bash\n(.*?)\n```", text, re.DOTALL)
    assert blocks[0].endswith(".venv/bin/remediator fix --diff examples/insecure_app")
    # CI runs exactly the second command
    with open(os.path.join(os.path.dirname(README), ".ci", "run"), encoding="utf-8") as fh:
        ci = fh.read()
    assert blocks[1] in ci.splitlines()
    assert "<!--" not in text.replace("<!-- remediator:meta", "")  # no leftover markers


def test_the_picture_is_what_fix_diff_prints() -> None:
    import subprocess
    import sys

    script = os.path.join(os.path.dirname(README), "docs", "make_picture.py")
    check = subprocess.run([sys.executable, script, "--check"], capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, ("docs/fix-diff.svg is out of date: run docs/make_picture.py", check.stderr)
