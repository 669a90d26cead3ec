"""Changelog entries: Keep a Changelog 1.1.0 insertion that keeps every existing byte."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from remediator.output import changelog as C
from remediator.analysis.rule import Rule, Tier
from remediator.transforms import rule_by_code

KMS = "- Enable KMS key rotation on 2 keys in app/stacks/storage.py (CDK301)"
FIX = "- Add alarms to 1 function in app/stacks/api.py (CDK410)"
SEC = {"Security": [KMS]}
BOTH = {"Security": [KMS], "Fixed": [FIX]}


class _Alarms(Rule):
    """A throwaway non-security rule (CDK4xx)."""

    code, name, tier = "CDK410", "test-alarms", Tier.SAFE
    summary = "test"
    changelog = "Add alarms to {count} {noun}"
    noun = ("function", "functions")


def added_lines(before: str, after: str) -> list[str]:
    """The lines of ``after`` that are not ``before``'s, checking ``before``'s lines survive in order."""
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    extra, i = [], 0
    for line in new:
        if i < len(old) and (line == old[i] or (i == len(old) - 1 and line.rstrip("\r\n") == old[i])):
            i += 1
        else:
            extra.append(line)
    assert i == len(old), "an existing line was changed or lost"
    return extra


# ----------------------------------------------------------------------------------------------
# bullet wording


def test_bullet_wording_single_file() -> None:
    kms = rule_by_code("CDK301")
    assert kms is not None
    assert C.bullets({"app/stacks/storage.py": {"CDK301": 2}}, {"CDK301": kms}) == {"Security": [KMS]}
    assert C.bullets({"app/a.py": {"CDK301": 1}}, {"CDK301": kms}) == {
        "Security": ["- Enable KMS key rotation on 1 key in app/a.py (CDK301)"]}


def test_bullet_wording_several_files() -> None:
    kms = rule_by_code("CDK301")
    rules = {"CDK301": kms}
    two = C.bullets({"b.py": {"CDK301": 1}, "a.py": {"CDK301": 2}}, rules)
    assert two == {"Security": ["- Enable KMS key rotation on 3 keys in a.py and b.py (CDK301)"]}
    three = C.bullets({p: {"CDK301": 1} for p in ("c.py", "a.py", "b.py")}, rules)
    assert three == {"Security": ["- Enable KMS key rotation on 3 keys in a.py, b.py and c.py (CDK301)"]}
    four = C.bullets({p: {"CDK301": 1} for p in ("a.py", "b.py", "c.py", "d.py")}, rules)
    assert four == {"Security": ["- Enable KMS key rotation on 4 keys in a.py, b.py, c.py and d.py (CDK301)"]}
    six = C.bullets({f"s{i}.py": {"CDK301": 1} for i in range(6)}, rules)
    assert six == {"Security": ["- Enable KMS key rotation on 6 keys in s0.py, s1.py, s2.py and 3 more files (CDK301)"]}


def test_bullets_sections_and_zero_counts() -> None:
    rules = {"CDK301": rule_by_code("CDK301"), "CDK410": _Alarms}
    out = C.bullets({"app/stacks/api.py": {"CDK410": 1, "CDK301": 0}, "app/stacks/storage.py": {"CDK301": 2}}, rules)
    assert out == {"Security": [KMS], "Fixed": [FIX]}
    assert C.bullets({"a.py": {"CDK301": 0}}, rules) == {}


# ----------------------------------------------------------------------------------------------
# creating


def test_creates_file_with_standard_header() -> None:
    out = C.insert(None, SEC)
    assert out == C.HEADER + "\n### Security\n" + KMS + "\n"
    assert out.startswith("# Changelog\n\nAll notable changes to this project will be documented in this file.\n")
    assert "[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)" in out
    assert C.insert("", SEC) == out


def test_creates_unreleased_before_first_release() -> None:
    text = "# Changelog\n\nIntro text.\n\n## [1.0.0] - 2026-01-01\n### Added\n- First release.\n"
    out = C.insert(text, SEC)
    assert out == ("# Changelog\n\nIntro text.\n\n## [Unreleased]\n\n### Security\n" + KMS + "\n\n"
                   "## [1.0.0] - 2026-01-01\n### Added\n- First release.\n")
    assert added_lines(text, out)


def test_creates_unreleased_at_end_when_no_release_yet() -> None:
    text = "# Changelog\n\nNothing released yet.\n"
    assert C.insert(text, SEC) == text + "\n## [Unreleased]\n\n### Security\n" + KMS + "\n"


# ----------------------------------------------------------------------------------------------
# keeping existing text


RICH = """\
# Changelog

All notable changes to this project will be documented in this file.
Some intro   text with  odd spacing\t and a tab.

```markdown
## [Unreleased]
### Security
- not a real entry
```

## [Unreleased]

### Added
- A feature
  - with a nested bullet
    continued on a second line

## [1.0.0] - 2026-01-01
### Fixed
- Old fix

[Unreleased]: https://example.com/compare/v1.0.0...HEAD
[1.0.0]: https://example.com/releases/v1.0.0
"""


def test_rich_file_kept_byte_for_byte() -> None:
    out = C.insert(RICH, BOTH)
    expected = RICH.replace(
        "    continued on a second line\n\n## [1.0.0]",
        "    continued on a second line\n\n### Fixed\n" + FIX + "\n\n### Security\n" + KMS + "\n\n## [1.0.0]")
    assert out == expected
    # the code block's look-alike heading was not used, the link references are untouched
    assert out.count("- not a real entry\n```\n") == 1
    assert out.endswith("[Unreleased]: https://example.com/compare/v1.0.0...HEAD\n"
                        "[1.0.0]: https://example.com/releases/v1.0.0\n")
    assert [ln.rstrip("\n") for ln in added_lines(RICH, out) if ln.strip()] == ["### Fixed", FIX, "### Security", KMS]


def test_fence_with_other_marker_inside() -> None:
    text = "# C\n\n````md\n~~~\n## [Unreleased]\n```\n````\n\n## [Unreleased]\n"
    out = C.insert(text, SEC)
    assert out == text + "\n### Security\n" + KMS + "\n"


def test_unclosed_fence_at_end_is_closed_before_the_new_section() -> None:
    text = "# C\n\n```\ncode\n"
    out = C.insert(text, SEC)
    assert out == text + "```\n\n## [Unreleased]\n\n### Security\n" + KMS + "\n"
    assert C.insert(out, SEC) == out


def test_tilde_fences() -> None:
    text = "# C\n\n~~~\n## [Unreleased]\n~~~\n"
    out = C.insert(text, SEC)
    assert out == text + "\n## [Unreleased]\n\n### Security\n" + KMS + "\n"


@pytest.mark.parametrize("heading", ["## [unreleased]", "## [UNRELEASED]", "## Unreleased", "##  [Unreleased]"])
def test_unreleased_is_case_insensitive(heading: str) -> None:
    text = f"# Changelog\n\n{heading}\n\n## [0.1.0]\n"
    out = C.insert(text, SEC)
    assert out == f"# Changelog\n\n{heading}\n\n### Security\n{KMS}\n\n## [0.1.0]\n"
    assert out.count("nreleased") + out.count("NRELEASED") == 1


def test_appends_to_existing_subsection() -> None:
    text = "# C\n\n## [Unreleased]\n\n### security\n- Earlier fix\n\n## [1.0.0]\n"
    out = C.insert(text, SEC)
    assert out == "# C\n\n## [Unreleased]\n\n### security\n- Earlier fix\n" + KMS + "\n\n## [1.0.0]\n"


def test_subsection_order_follows_keep_a_changelog() -> None:
    text = ("# C\n\n## [Unreleased]\n\n### Added\n- a\n\n### Removed\n- r\n\n### Security\n- s\n\n"
            "## [1.0.0]\n")
    out = C.insert(text, BOTH)
    assert out == ("# C\n\n## [Unreleased]\n\n### Added\n- a\n\n### Removed\n- r\n\n### Fixed\n" + FIX + "\n\n"
                   "### Security\n- s\n" + KMS + "\n\n## [1.0.0]\n")
    headings = [ln for ln in out.splitlines() if ln.startswith("### ")]
    assert headings == ["### Added", "### Removed", "### Fixed", "### Security"]


def test_fixed_goes_before_an_existing_security() -> None:
    text = "# C\n\n## [Unreleased]\n### Security\n- s\n"
    out = C.insert(text, {"Fixed": [FIX]})
    assert out == "# C\n\n## [Unreleased]\n\n### Fixed\n" + FIX + "\n\n### Security\n- s\n"


def test_unreleased_directly_followed_by_release() -> None:
    text = "# C\n## [Unreleased]\n## [1.0.0]\n- x\n"
    assert C.insert(text, SEC) == "# C\n## [Unreleased]\n\n### Security\n" + KMS + "\n\n## [1.0.0]\n- x\n"


def test_only_the_unreleased_section_is_touched() -> None:
    text = "# C\n\n## [Unreleased]\n\n## [1.0.0]\n### Security\n" + KMS + "\n"
    out = C.insert(text, SEC)  # the same bullet in a released version is not a duplicate
    assert out == "# C\n\n## [Unreleased]\n\n### Security\n" + KMS + "\n\n## [1.0.0]\n### Security\n" + KMS + "\n"


# ----------------------------------------------------------------------------------------------
# re-runs, newlines, end of file


@pytest.mark.parametrize("text", [None, RICH, "# C\n\n## [1.0.0]\n", "# C\r\n\r\n## [Unreleased]\r\n", "# C\n\n## [Unreleased]"])
def test_rerun_adds_no_duplicate(text: str | None) -> None:
    once = C.insert(text, BOTH)
    assert C.insert(once, BOTH) == once
    assert once.count(KMS) == 1 and once.count(FIX) == 1


def test_crlf_stays_crlf() -> None:
    text = RICH.replace("\n", "\r\n")
    out = C.insert(text, BOTH)
    assert out == C.insert(RICH, BOTH).replace("\n", "\r\n")
    assert "\n" not in out.replace("\r\n", "")


def test_no_trailing_newline_at_eof_is_kept() -> None:
    text = "# C\n\n## [Unreleased]\n### Security\n- Earlier"
    assert C.insert(text, SEC) == "# C\n\n## [Unreleased]\n### Security\n- Earlier\n" + KMS
    text = "# C\n\nIntro."
    assert C.insert(text, SEC) == "# C\n\nIntro.\n\n## [Unreleased]\n\n### Security\n" + KMS
    text = "# C\n\n## [Unreleased]\n\n## [1.0.0]\n- Last"  # insertion not at the end: end untouched
    assert C.insert(text, SEC).endswith("\n\n## [1.0.0]\n- Last")


def test_nothing_to_add_returns_text_unchanged() -> None:
    assert C.insert(RICH, {}) == RICH
    assert C.insert(RICH, {"Security": []}) == RICH


# ----------------------------------------------------------------------------------------------
# property: whatever the file, every existing line survives in order and only entry lines are added

_LINES = st.sampled_from([
    "# Changelog", "", "Intro text.", "## [Unreleased]", "## [unreleased]", "## [1.0.0] - 2026-01-01",
    "### Added", "### Fixed", "### Security", "### Removed", "- a bullet", "  - nested", "```", "~~~",
    "[1.0.0]: https://example.com", "    indented ## [Unreleased]", "#### Deep", "text ## [Unreleased]",
])


@settings(max_examples=300, deadline=None, database=None)
@given(lines=st.lists(_LINES, max_size=14), crlf=st.booleans(), final_newline=st.booleans())
def test_property_existing_lines_survive(lines: list[str], crlf: bool, final_newline: bool) -> None:
    nl = "\r\n" if crlf else "\n"
    text = nl.join(lines) + (nl if final_newline and lines else "")
    out = C.insert(text, BOTH)
    allowed = {"", "## [Unreleased]", "### Security", "### Fixed", KMS, FIX, "```", "~~~"} | (
        {ln for ln in C.HEADER.splitlines()} if not text.strip() else set())
    extra = added_lines(text, out) if text.strip() else []
    assert all(ln.rstrip("\r\n") in allowed for ln in extra), extra
    assert out.count(KMS) >= 1 and out.count(FIX) >= 1
    assert C.insert(out, BOTH) == out
    if "\r\n" in text:  # (a one-line file has no newline style to keep)
        assert "\n" not in out.replace("\r\n", "")
    if text.strip() and not text.endswith(nl):
        assert not out.endswith(("\n", "\r"))
