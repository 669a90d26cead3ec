"""Rendering findings and summaries for people (text) and machines (json)."""

from __future__ import annotations

import json
from typing import Sequence

from remediator.analysis.rule import Diagnostic


def text_line(d: Diagnostic) -> str:
    marker = " [*]" if d.fixable else ""
    return f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}{marker}"


def render_text(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(text_line(d) + "\n" for d in sorted(diagnostics, key=_order))


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in sorted(diagnostics, key=_order)], indent=2) + "\n"


def check_summary(diagnostics: Sequence[Diagnostic]) -> str:
    n = len(diagnostics)
    if n == 0:
        return "All checks passed!"
    fixable = sum(d.fixable for d in diagnostics)
    hidden = sum(d.fix_available for d in diagnostics)
    parts = [f"Found {n} finding{'s' if n != 1 else ''}."]
    if fixable:
        parts.append(f"[*] {fixable} fixable with `remediator fix`.")
    if hidden:
        parts.append(f"({hidden} more fixable with the `--unsafe-fixes` option.)")
    return "\n".join(parts)


def fix_summary(fixed: int, files: int, remaining: int) -> str:
    return (f"Fixed {fixed} finding{'s' if fixed != 1 else ''} in {files} file{'s' if files != 1 else ''} "
            f"({remaining} remaining)")


def _order(d: Diagnostic) -> tuple:
    return (d.path, d.line, d.column, d.code)
