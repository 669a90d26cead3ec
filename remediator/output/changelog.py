"""Changelog entries in Keep a Changelog 1.1.0 form, inserted without rewriting the file.

We do not parse and re-render the changelog (the ``keepachangelog`` package loses intro text, code
blocks, nested bullets and link references): we find ``## [Unreleased]`` and its ``### Security``
or ``### Fixed`` subsection line by line and insert bullets there. Every other byte is kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Mapping, Sequence

HEADER = """# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]
"""

#: Keep a Changelog's order of subsections
SECTION_ORDER = ["added", "changed", "deprecated", "removed", "fixed", "security"]

_UNRELEASED = re.compile(r"^##\s+\[?\s*unreleased\s*\]?", re.IGNORECASE)
_H2 = re.compile(r"^##(?!#)\s")
_H3 = re.compile(r"^###(?!#)\s+(.*?)\s*$")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")


def _join_files(files: Sequence[str], limit: int = 4) -> str:
    files = sorted(files)
    if len(files) == 1:
        return files[0]
    if len(files) <= limit:
        return ", ".join(files[:-1]) + " and " + files[-1]
    return ", ".join(files[:limit - 1]) + f" and {len(files) - limit + 1} more files"


def bullets(fixed: Mapping[str, Mapping[str, int]], rules: Mapping[str, type],
            notes: Mapping[str, Sequence[tuple[str, str]]] | None = None) -> dict[str, list[str]]:
    """Section name -> bullet lines, from ``{path: {code: count}}``.

    One bullet per rule: ``- Enable KMS key rotation on 2 keys in a.py (CDK301)``; and one per
    note, for fixes whose rule line does not say what they did (``{path: [(code, note)]}``):
    ``- Remove `enable_dns_logging=True` from `Vpc` (no such property) in net.py (CDK103)``.
    """
    per_rule: dict[str, dict[str, int]] = defaultdict(dict)
    for path, counts in fixed.items():
        for code, n in counts.items():
            n -= sum(1 for c, _ in (notes or {}).get(path, ()) if c == code)  # those have their own bullet
            if n > 0:
                per_rule[code][path] = n
    out: dict[str, list[str]] = defaultdict(list)
    for code in sorted(per_rule):
        rule = rules[code]
        files = per_rule[code]
        text = rule.changelog_line(sum(files.values()))
        section = "Security" if rule.is_security() else "Fixed"
        out[section].append(f"- {text} in {_join_files(list(files))} ({code})")
    for path, entries in sorted((notes or {}).items()):
        for code, note in entries:
            section = "Security" if rules[code].is_security() else "Fixed"
            out[section].append(f"- {note} in {path} ({code})")
    return dict(out)


def insert(text: str | None, sections: Mapping[str, Iterable[str]]) -> str:
    """Return ``text`` with the bullets added under ``## [Unreleased]``; a new file if ``text`` is None."""
    sections = {k: [b for b in v] for k, v in sections.items() if v}
    # a file that ends without a newline keeps ending without one
    no_final_newline = bool(text) and text.strip() != "" and not text.endswith(("\n", "\r"))
    if text is None or not text.strip():
        nl = "\r\n" if text and "\r\n" in text else "\n"
        header = HEADER.replace("\n", nl)
        text = header if text is None or not text else text + ("" if text.endswith("\n") else nl) + header
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if not sections:
        return text

    unreleased = _find_unreleased(lines)
    if unreleased is None:
        unreleased = _create_unreleased(lines, newline)
    start = unreleased
    end = _section_end(lines, start)
    existing = {ln.strip() for ln in lines[start:end]}

    # Keep a Changelog order: work from the last section so indices stay valid
    for name in sorted(sections, key=lambda s: SECTION_ORDER.index(s.lower()) if s.lower() in SECTION_ORDER else 99,
                       reverse=True):
        new = [b for b in sections[name] if b.strip() not in existing]
        if not new:
            continue
        end = _section_end(lines, start)
        sub = _find_subsection(lines, start, end, name)
        if sub is not None:
            sub_end = _subsection_end(lines, sub, end)
            at = sub_end
            while at > sub + 1 and not lines[at - 1].strip():
                at -= 1
            _ensure_newline(lines, at - 1, newline)
            lines[at:at] = [b + newline for b in new]
        else:
            at = _new_subsection_position(lines, start, end, name)
            block = []
            if at > 0 and lines[at - 1].strip():
                _ensure_newline(lines, at - 1, newline)
                block.append(newline)
            block += [f"### {name}" + newline, *[b + newline for b in new]]
            if at < len(lines) and lines[at].strip():
                block.append(newline)
            lines[at:at] = block
    out = "".join(lines)
    if no_final_newline and out.endswith(newline):
        out = out[: -len(newline)]
    return out


def _ensure_newline(lines: list[str], i: int, newline: str) -> None:
    if 0 <= i < len(lines) and not lines[i].endswith(("\n", "\r")):
        lines[i] += newline


def _headings(lines: Sequence[str], start: int = 0, stop: int | None = None) -> Iterable[int]:
    """Indices of lines outside fenced code blocks, from ``start``.

    A fence closes only with the same character, at least as long (CommonMark): a ``~~~`` line
    inside a backtick block is content.
    """
    fence = ""
    for i in range(start, len(lines) if stop is None else stop):
        m = _FENCE.match(lines[i])
        if m:
            marker = m.group(2)
            if not fence:
                fence = marker
                continue
            if marker[0] == fence[0] and len(marker) >= len(fence) and not lines[i].strip()[len(marker):].strip():
                fence = ""
                continue
        if not fence:
            yield i


def _open_fence(lines: Sequence[str]) -> str:
    """The marker of a code block left open at the end of the file, else ''."""
    fence = ""
    for line in lines:
        m = _FENCE.match(line)
        if not m:
            continue
        marker = m.group(2)
        if not fence:
            fence = marker
        elif marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip()[len(marker):].strip():
            fence = ""
    return fence


def _find_unreleased(lines: Sequence[str]) -> int | None:
    for i in _headings(lines):
        if _UNRELEASED.match(lines[i]):
            return i
    return None


def _create_unreleased(lines: list[str], newline: str) -> int:
    for i in _headings(lines):
        if _H2.match(lines[i]):
            lines[i:i] = ["## [Unreleased]" + newline, newline]
            return i
    if lines:
        _ensure_newline(lines, len(lines) - 1, newline)
        fence = _open_fence(lines)
        if fence:  # the file ends inside an unclosed code block: close it, or the entry lands in it
            lines.append(fence + newline)
        if lines[-1].strip():
            lines.append(newline)
    lines.append("## [Unreleased]" + newline)
    return len(lines) - 1


def _section_end(lines: Sequence[str], start: int) -> int:
    for i in _headings(lines, start + 1):
        if _H2.match(lines[i]) or lines[i].startswith("# ") or re.match(r"^\[[^\]]+\]:\s", lines[i]):
            return i
    return len(lines)


def _find_subsection(lines: Sequence[str], start: int, end: int, name: str) -> int | None:
    for i in _headings(lines, start + 1, end):
        m = _H3.match(lines[i])
        if m and m.group(1).strip().lower() == name.lower():
            return i
    return None


def _subsection_end(lines: Sequence[str], sub: int, end: int) -> int:
    for i in _headings(lines, sub + 1, end):
        if _H3.match(lines[i]):
            return i
    return end


def _new_subsection_position(lines: list[str], start: int, end: int, name: str) -> int:
    order = SECTION_ORDER.index(name.lower()) if name.lower() in SECTION_ORDER else 99
    for i in _headings(lines, start + 1, end):
        m = _H3.match(lines[i])
        if m:
            other = m.group(1).strip().lower()
            if other in SECTION_ORDER and SECTION_ORDER.index(other) > order:
                return i
    at = end
    while at > start + 1 and not lines[at - 1].strip():
        at -= 1
    return at
