"""Machine formats of a run: ``json``, ``sarif`` (2.1.0) and ``github`` (workflow commands).

Every format carries the findings and the inputs that could not be checked (errors, warnings),
with paths relative to where the user stands (:class:`~remediator.output.report.Paths`).

``json`` is a list of records, each with a ``kind``:

* ``finding``: ``code``, ``name``, ``path``, ``line``, ``column``, ``end_line``, ``end_column``
  (the position just after the flagged code), ``message``, ``fixable``, ``tier``, ``fix`` (its
  ``applicability`` and ``edits``, each ``content`` with ``location`` and ``end_location`` as
  ``row``/``column``, as in ruff's JSON; ``null`` for a finding without a fix), ``url`` (the
  rule's documentation when the package names where it is published, else ``null``) and
  ``explain`` (the command that prints it);
* ``error`` / ``warning``: ``path`` and ``message`` (``code`` is ``null``);
* ``fixed`` (``fix --show-fixes``): one per fix applied, ``code``, ``name``, ``path``, ``line``,
  ``column``, ``message``, ``tier``;
* ``verification`` (``--verify``): the report of :mod:`remediator.verify`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from remediator import __version__
from remediator.analysis.rule import Diagnostic
from remediator.output.report import RUN, Problem, order, statistics

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


@functools.lru_cache(maxsize=None)
def rule_url(code: str) -> str | None:
    """Where the rule's documentation is published: the package's ``Documentation`` project URL
    with ``#<code>`` (None while the package names none; ``remediator explain CODE`` prints it)."""
    import importlib.metadata

    try:
        urls = importlib.metadata.metadata("remediator").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return f"{url.strip()}#{code.lower()}"
    return None


def finding_record(d: Diagnostic, paths: Callable[[str], str]) -> dict[str, Any]:
    return {"kind": "finding", **d.to_json(), "path": paths(d.path), "url": rule_url(d.code),
            "explain": f"remediator explain {d.code}"}


def render_json(diagnostics: Sequence[Diagnostic], problems: Sequence[Problem] = (),
                paths: Callable[[str], str] = str, *, applied: Sequence[Diagnostic] = (),
                verification: Sequence[Mapping[str, Any]] = ()) -> str:
    records: list[dict[str, Any]] = [finding_record(d, paths) for d in sorted(diagnostics, key=order)]
    records += [{"kind": p.severity, "code": None, "path": paths(p.path), "message": p.message} for p in problems]
    records += [{"kind": "fixed", "code": d.code, "name": d.name, "path": paths(d.path), "line": d.line,
                 "column": d.column, "message": d.message, "tier": d.tier} for d in sorted(applied, key=order)]
    records += [{"kind": "verification", **v} for v in verification]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def render_statistics_json(diagnostics: Sequence[Diagnostic]) -> str:
    rows = [{"code": code, "name": name, "count": n, "fixable": fixable}
            for code, name, n, fixable in statistics(diagnostics)]
    return json.dumps(rows, indent=2) + "\n"


# -- SARIF 2.1.0 --------------------------------------------------------------------------------
def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line or line,
            "endColumn": end_column or column}


def _location(path: str, region: dict[str, int] | None = None) -> dict[str, Any]:
    """A file relative to the working directory (``%SRCROOT%``), or absolute outside it."""
    from urllib.parse import quote

    artifact = ({"uri": Path(path).as_uri()} if os.path.isabs(path)
                else {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"})
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _fingerprints(diagnostics: Sequence[Diagnostic]) -> dict[int, str]:
    """A fingerprint per finding that survives unrelated edits above it: the file (relative to the
    repository root), the rule, the message and which occurrence of those it is; no line numbers."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = {}
    for d in diagnostics:
        key = (d.path, d.code, d.message)
        text = "\0".join((*key, str(seen[key])))
        seen[key] += 1
        out[id(d)] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return out


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    doc = rule.documentation()
    what = doc.split("## Why is this bad?")[0].replace("## What it does", "").strip()
    descriptor: dict[str, Any] = {
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(what.split())},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": "error" if rule.tier_label() != "report" else "warning"},
        "properties": {"tier": rule.tier_label(), "tags": ["security"] if rule.is_security() else []},
    }
    url = rule_url(rule.code)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def sarif(diagnostics: Sequence[Diagnostic], problems: Sequence[Problem], rules: Sequence[Any],
          paths: Callable[[str], str], *, cwd: str | None = None,
          verification: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The run as a SARIF 2.1.0 log: every rule of the run (name, short and full description, help),
    each finding with its location, fix and ``partialFingerprints``, and the inputs that could
    not be checked as tool execution notifications."""
    diagnostics = sorted(diagnostics, key=order)
    used = {d.code for d in diagnostics}
    catalog = sorted({r.code: r for r in rules}.values(), key=lambda r: r.code)
    from remediator.transforms import rule_by_code

    for code in sorted(used - {r.code for r in catalog}):  # a finding of a rule outside the list
        found = rule_by_code(code)
        if found is not None:
            catalog.append(found)
    index = {r.code: i for i, r in enumerate(catalog)}
    fingerprints = _fingerprints(diagnostics)
    results = []
    for d in diagnostics:
        shown = paths(d.path)
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": "warning" if d.tier == "report" else "error",
            "message": {"text": d.message},
            "locations": [_location(shown, _region(d.line, d.column, d.end_line, d.end_column))],
            "partialFingerprints": {"remediatorFinding/v1": fingerprints[id(d)]},
            "properties": {"tier": d.tier, "fixable": d.fixable},
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.edits:
            result["fixes"] = [{
                "description": {"text": f"{d.code} fix ({d.tier})"},
                "artifactChanges": [{
                    "artifactLocation": _location(shown)["physicalLocation"]["artifactLocation"],
                    "replacements": [{"deletedRegion": _region(e.line, e.column, e.end_line, e.end_column),
                                      "insertedContent": {"text": e.content}} for e in d.edits],
                }],
            }]
        results.append(result)
    notes = [{"level": "error" if p.severity == "error" else "warning", "message": {"text": p.message},
              "locations": [_location(paths(p.path))] if p.path and p.path != RUN else []}
             for p in problems]
    base = Path(os.path.realpath(cwd or os.getcwd())).as_uri().rstrip("/") + "/"
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "remediator", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule_descriptor(r) for r in catalog]}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": not any(p.severity == "error" for p in problems),
                         "toolExecutionNotifications": notes}],
    }
    if verification:
        run["properties"] = {"verification": list(verification)}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(*args: Any, **kwargs: Any) -> str:
    return json.dumps(sarif(*args, **kwargs), indent=2, ensure_ascii=False) + "\n"


# -- GitHub Actions workflow commands ---------------------------------------------------------------
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Sequence[Diagnostic], problems: Sequence[Problem],
                  paths: Callable[[str], str]) -> str:
    """One ``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=CODE::message`` per
    finding (``::warning`` for report-only ones), and one per input that could not be checked."""
    out = []
    for d in sorted(diagnostics, key=order):
        level = "warning" if d.tier == "report" else "error"
        props = (f"file={_property(paths(d.path))},line={d.line},col={d.column},"
                 f"endLine={d.end_line or d.line},endColumn={d.end_column or d.column},title={_property(d.code)}")
        fixable = " [*]" if d.fixable else ""
        out.append(f"::{level} {props}::{_data(f'{d.code} {d.message}{fixable}')}")
    for p in problems:
        where = f" file={_property(paths(p.path))}" if p.path and p.path != RUN else ""
        out.append(f"::{p.severity}{where}::{_data(p.message)}")
    return "".join(line + "\n" for line in out)
