"""The pull request's title, body, fingerprint and hidden marker.

Fingerprint
    The first 16 hex digits of the SHA-256 of the sorted ``(path, code, message)`` triples of the
    applied fixes, one per fix (so two keys fixed in one file count twice), as JSON. Line numbers,
    the base commit, the changelog's text and the tool version are left out on purpose: the base
    moving forward with unrelated commits shifts lines but leaves the fix set, and so the
    fingerprint, unchanged, while a new finding, a fixed one gone or another file changes it. A
    pull request closed without merging is not reopened for the same fingerprint.

Marker
    The body ends with ``<!-- remediator:meta fingerprint=<fp> version=<tool version> labels=<a,b> -->``:
    GitHub does not render it, and the next run reads it back from the pull request list.
    ``labels`` records the labels remediator has already added, so a label a person removed is
    not added back; ``closed=remediator`` marks a pull request remediator closed itself because
    nothing was left to fix (the same fixes coming back later get a new pull request).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from remediator.analysis.rule import Diagnostic
from remediator.output.patch import FileStat

MARKER_RE = re.compile(r"<!--\s*remediator:meta\s+(?P<fields>[^>]*?)\s*-->")
#: the checkbox a person ticks to have the branch rebuilt even though others committed on it
REBUILD_MARK = "<!-- remediator:rebuild -->"
REBUILD_RE = re.compile(r"^\s*[-*]\s+\[[xX]\]\s*" + re.escape(REBUILD_MARK), re.MULTILINE)
BLOCKED_MARK = "<!-- remediator:blocked -->"
CLOSED_MARK = "<!-- remediator:closed -->"
#: GitHub rejects a body longer than 65536 characters (422); tables are cut to stay below this
BODY_LIMIT = 60000


def fingerprint(applied: Iterable[Diagnostic]) -> str:
    items = sorted([d.path, d.code, d.message] for d in applied)
    return hashlib.sha256(json.dumps(items, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def codes(applied: Sequence[Diagnostic]) -> list[str]:
    return sorted({d.code for d in applied})


def title(applied: Sequence[Diagnostic]) -> str:
    """Also the commit message: ``fix(cdk): remediate N findings (CODES)``."""
    n = len(applied)
    return f"fix(cdk): remediate {n} finding{'s' if n != 1 else ''} ({', '.join(codes(applied))})"


@dataclass
class Meta:
    fingerprint: str = ""
    version: str = ""
    labels: list[str] = field(default_factory=list)
    #: set when remediator itself closed the pull request (nothing left to fix): not a person declining it
    closed_by_remediator: bool = False

    def render(self) -> str:
        closed = " closed=remediator" if self.closed_by_remediator else ""
        return (f"<!-- remediator:meta fingerprint={self.fingerprint} version={self.version} "
                f"labels={','.join(self.labels)}{closed} -->")


def parse_meta(body: str | None) -> Meta | None:
    """The marker of a body written by remediator, else None."""
    m = MARKER_RE.search(body or "")
    if not m:
        return None
    fields = dict(part.partition("=")[::2] for part in m.group("fields").split())
    return Meta(fingerprint=fields.get("fingerprint", ""), version=fields.get("version", ""),
                labels=[x for x in fields.get("labels", "").split(",") if x],
                closed_by_remediator=fields.get("closed") == "remediator")


def with_meta(body: str | None, meta: Meta) -> str:
    """``body`` with its marker replaced by ``meta`` (appended when it has none)."""
    text = body or ""
    if MARKER_RE.search(text):
        return MARKER_RE.sub(lambda m: meta.render(), text, count=1)
    return text.rstrip("\n") + "\n\n" + meta.render() + "\n"


def rebuild_requested(body: str | None) -> bool:
    return bool(REBUILD_RE.search(body or ""))


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


@dataclass
class Fixes:
    """What one run fixed: the inputs of the body."""

    base: str
    applied: list[Diagnostic]
    stats: list[FileStat]
    changelog: Mapping[str, list[str]]  #: changelog file -> lines it gained


def render(fixes: Fixes, meta: Meta, replacement_risks: Sequence[str] | None = None,
           limit: int = BODY_LIMIT) -> str:
    """The pull request body (Markdown).

    ``replacement_risks`` is the hook for verification (synthesizing before and after): one line
    per resource whose logical id or replacement-triggering property the fix changes. ``None``
    means "not assessed" and the body says so; an empty list means "assessed, none".
    """
    applied = sorted(fixes.applied, key=lambda d: (d.path, d.line, d.code))
    per_rule = Counter(d.code for d in applied)
    files = sorted({d.path for d in applied})
    head = [
        f"remediator fixed {len(applied)} finding{'s' if len(applied) != 1 else ''} in {len(files)} "
        f"file{'s' if len(files) != 1 else ''} on `{fixes.base}`: "
        + ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in sorted(per_rule.items())) + ".",
        "",
    ]
    rows = [f"| {_cell(d.path)}:{d.line} | {d.code} {d.name} | {_cell(d.message)} |" for d in applied]
    stat_rows = [f"| {_cell(s.path)} | +{s.added} | −{s.removed} |" for s in fixes.stats]

    unsafe = [d for d in applied if d.tier == "unsafe"]
    impact = ["### Deployment impact", ""]
    if unsafe:
        impact.append("These fixes are **unsafe**: they may replace, orphan or delete a deployed resource. "
                      "Review them against the deployed stacks before merging:")
        impact += [f"- {_cell(d.path)}:{d.line} {d.code} {d.name}: {d.message}" for d in unsafe]
    else:
        impact.append("Every fix is **safe**: none replaces, orphans or deletes a deployed resource.")
    impact.append("")
    if replacement_risks is None:
        impact.append("Replacement risk was not assessed in this run (the stacks were not synthesized).")
    elif replacement_risks:
        impact.append("Resources the change may replace:")
        impact += [f"- {risk}" for risk in replacement_risks]
    else:
        impact.append("Synthesizing before and after showed no resource replacement.")
    impact.append("")

    log = ["### Changelog entry", ""]
    for path, lines in sorted(fixes.changelog.items()):
        log += [f"`{path}`:", "", "```markdown", *lines, "```", ""]
    if not fixes.changelog:
        log += ["(no changelog entry: the changelog is turned off)", ""]

    tail = [
        "### Keeping a finding",
        "",
        "To leave a line as it is, add `# remediator: ignore[CODE]` at its end (or alone on the line above); "
        "to turn a rule off for the repository, add its code to `ignore` under `[tool.remediator]` in "
        "`pyproject.toml`. Close this pull request to decline these fixes: remediator does not reopen it "
        "for the same set of fixes.",
        "",
        "---",
        "",
        f"This branch is rebuilt from `{fixes.base}` on every run. remediator stops updating it once someone "
        "else commits on it.",
        "",
        f"- [ ] {REBUILD_MARK} Rebuild this branch from `{fixes.base}` on the next run, dropping commits "
        "pushed by others",
        "",
        meta.render(),
    ]

    def assemble(n_rows: int, n_stats: int) -> str:
        table = ["| file:line | rule | change |", "|---|---|---|", *rows[:n_rows]]
        if n_rows < len(rows):
            table.append(f"| … | | {len(rows) - n_rows} more fixes: see the commit |")
        stats = ["| file | lines added | lines removed |", "|---|---:|---:|", *stat_rows[:n_stats]]
        if n_stats < len(stat_rows):
            stats.append(f"| … {len(stat_rows) - n_stats} more files | | |")
        return "\n".join(head + table + [""] + stats + [""] + impact + log + tail) + "\n"

    text = assemble(len(rows), len(stat_rows))
    n_rows, n_stats = len(rows), len(stat_rows)
    while len(text) > limit and (n_rows or n_stats):  # halve the tables until the body fits
        n_rows, n_stats = n_rows // 2, n_stats // 2
        text = assemble(n_rows, n_stats)
    return text


def normalized(text: str | None) -> str:
    """Body text as compared between runs (GitHub may return CRLF newlines)."""
    return (text or "").replace("\r\n", "\n").strip()
