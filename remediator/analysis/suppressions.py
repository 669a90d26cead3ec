"""``# remediator: ignore[...]`` comments and unused suppressions (``skip-file`` is read with the file).

A comment on a line suppresses the named rules (by code or name; no list: every rule) for findings
that start or end on that line (a finding on a keyword argument also from its call's first line);
a comment alone on its line applies to the next line as well, as in ruff's ``noqa``. A coded
suppression that suppressed nothing, for a rule that ran, is reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Sequence

import libcst as cst

if TYPE_CHECKING:
    from remediator.analysis.context import FileContext
    from remediator.analysis.rule import Finding, Rule

_SUPPRESS = re.compile(r"#\s*remediator:\s*ignore(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE)

def _comments(text: str) -> list[tuple[int, set[int], list[str] | None]]:
    """(line, lines it applies to, codes as written or None for all) per suppression comment."""
    out = []
    for i, line in enumerate(text.splitlines(), start=1):
        if "remediator" not in line:
            continue
        m = _SUPPRESS.search(line)
        if m is None or "#" not in line[: m.start() + 1]:
            continue
        codes = None if m.group("codes") is None else [c.strip() for c in m.group("codes").split(",") if c.strip()]
        out.append((i, {i, i + 1} if line.strip().startswith("#") else {i}, codes))
    return out


class Suppressions:
    """The suppression comments of one file's text."""

    def __init__(self, text: str) -> None:
        self._comments = _comments(text) if "remediator" in text else []
        self._by_line: dict[int, set[str] | None] = {}
        for _, lines, codes in self._comments:
            upper = None if codes is None else {c.upper() for c in codes}
            for ln in lines:
                prev = self._by_line.get(ln, set())
                self._by_line[ln] = None if upper is None or prev is None else prev | upper

    def suppressed(self, finding: "Finding", ctx: "FileContext") -> bool:
        if not self._by_line:
            return False
        for ln in _lines(finding, ctx):
            if ln in self._by_line:
                codes = self._by_line[ln]
                if codes is None or finding.rule.code in codes or finding.rule.name.upper() in codes:
                    return True
        return False

    def unused(self, ctx: "FileContext", findings: Sequence["Finding"], rules: Sequence["Rule"]) -> list[str]:
        """``line N: unused suppression ...`` for each code in a ``# remediator: ignore[...]`` comment
        that names a rule of this run but suppressed none of ``findings`` (all findings, before
        suppression). Codes of rules that did not run are not reported, nor are bare ``ignore``
        comments, which may be meant for rules outside the selection."""
        if not self._comments:
            return []
        ran = {r.code: r.code for r in rules} | {r.name.upper(): r.code for r in rules}
        hit: dict[str, set[int]] = defaultdict(set)
        for f in findings:
            hit[f.rule.code].update(_lines(f, ctx))
        out: list[str] = []
        for line, lines, codes in self._comments:
            unused = [c for c in codes or () if c.upper() in ran and not hit[ran[c.upper()]] & lines]
            if unused:
                out.append(f"line {line}: unused suppression `# remediator: ignore[{', '.join(unused)}]` "
                           "(no such finding on this line)")
        return out


def _lines(finding: "Finding", ctx: "FileContext") -> set[int]:
    lines = {ctx.position(finding.node)[0], ctx.end_line(finding.node)}
    parent = ctx.parent(finding.node) if isinstance(finding.node, cst.Arg) else None
    if isinstance(parent, cst.Call):  # a finding on a keyword: a comment on its call's line still counts
        lines.add(ctx.position(parent)[0])
    return lines
