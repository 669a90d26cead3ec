#!/usr/bin/env python3
"""Precision on real code: run every rule over folders of CDK Python apps and count findings per rule.

This runs the same machinery as ``remediator check`` (``remediator.runner.run``) with every rule,
including those that are off by default (``--extend-select ALL``; each app's own
``[tool.remediator]`` still applies), from the folder given, so a folder holding many apps, each
in its own subfolder with its own ``cdk.json``, is read as each app's configuration says. It
measures nothing about speed: it gives the figures a reviewer needs to judge every finding.

    .venv/bin/python benchmarks/precision.py FOLDER [FOLDER...] [--list] [--fix-preview] [--json]
        [--select CODES]

Output, per folder and summed over all folders:

* a table of rules: findings, files with findings, findings fixable by ``fix`` (safe tier) and
  findings whose fix needs ``--unsafe-fixes``; every rule that ran is listed, also with 0;
* ``--list``: every finding as ``path:line:col: CODE message`` (paths relative to the folder);
* ``--fix-preview``: for each app (each folder with a ``cdk.json``; files outside any app are one
  more group) runs ``fix --diff`` twice, as configured (safe fixes unless the app's configuration
  sets ``unsafe-fixes``) and with ``--unsafe-fixes``, writing nothing, and counts per rule the
  fixes applied and the files they change; each fixed file is also compiled again here, and apps
  whose fix failed are named;
* ``--json``: everything above as one JSON object (findings always included).

Exit status: 0, or 2 when a folder does not exist or a configuration is invalid. Files that cannot
be read or parsed are counted and listed (``errors``), as ``check`` does, without stopping the run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remediator.runner import ConfigError, Request, RunResult, run  # noqa: E402
from remediator.transforms import all_rules  # noqa: E402

#: folders never searched for apps (the runner's discovery skips them too)
SKIP_DIRS = {"node_modules", "cdk.out", ".venv", "venv", ".git", "__pycache__", ".tox", ".nox", "build", "dist"}


@contextlib.contextmanager
def working_directory(path: str) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def shown(result: RunResult, path: str, folder: str) -> str:
    """A result's path (relative to the run's root, or absolute) as a path relative to ``folder``."""
    rel = os.path.relpath(os.path.realpath(os.path.join(result.root, path)), os.path.realpath(folder))
    return rel.replace(os.sep, "/")


@dataclass
class RuleCount:
    code: str
    name: str
    findings: int = 0
    files: set[str] = field(default_factory=set)
    fixable: int = 0
    unsafe_only: int = 0
    #: --fix-preview: fixes applied and files changed, with safe fixes and with --unsafe-fixes
    fixes: dict[str, int] = field(default_factory=lambda: {"safe": 0, "unsafe": 0})
    fixed_files: dict[str, set[str]] = field(default_factory=lambda: {"safe": set(), "unsafe": set()})

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "findings": self.findings, "files": len(self.files),
                "fixable": self.fixable, "unsafe_only": self.unsafe_only,
                "fixes": dict(self.fixes), "fixed_files": {k: len(v) for k, v in self.fixed_files.items()}}


@dataclass
class FolderReport:
    folder: str
    files: int = 0  #: Python files discovered
    analysed: int = 0  #: of which import aws_cdk and were analysed
    rules: dict[str, RuleCount] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: --fix-preview: per app, per mode ("safe"/"unsafe"): files changed, or the failures
    apps: list[dict[str, Any]] = field(default_factory=list)

    def rule(self, code: str, name: str) -> RuleCount:
        return self.rules.setdefault(code, RuleCount(code, name))


def app_of(path: str, app_dirs: list[str]) -> str:
    """The deepest app folder (relative, '' for the top) holding ``path`` (relative to the folder)."""
    best = ""
    for d in app_dirs:
        if (d == "" or path.startswith(d + "/")) and len(d) > len(best):
            best = d
    return best


def find_apps(folder: str) -> list[str]:
    """Folders (relative to ``folder``, '' for itself) that hold a ``cdk.json``."""
    apps = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        if "cdk.json" in filenames:
            rel = os.path.relpath(dirpath, folder)
            apps.append("" if rel == "." else rel.replace(os.sep, "/"))
    return apps


def measure(folder: str, *, fix_preview: bool, jobs: int | None, select: Sequence[str] = ()) -> FolderReport:
    folder = os.path.abspath(folder)
    rep = FolderReport(folder=folder)
    for rule in all_rules():
        rep.rule(rule.code, rule.name)
    with working_directory(folder):
        result = run(Request(paths=["."], fix=False, jobs=jobs, **_rules(select)))
    ran = {r.code for r in result.rules}
    rep.rules = {code: rc for code, rc in rep.rules.items() if code in ran}
    rep.files = len(result.results)
    rep.analysed = sum(1 for r in result.results if r.skipped is None and not r.errors)
    rep.errors = [f"{shown(result, p, folder) if p != 'remediator' else p}: {m}" for p, m in result.errors]
    for d in result.diagnostics:
        path = shown(result, d.path, folder)
        rc = rep.rule(d.code, d.name)
        rc.findings += 1
        rc.files.add(path)
        rc.fixable += d.fixable
        rc.unsafe_only += (not d.fixable) and d.fix_available
        rep.findings.append({**d.to_json(), "path": path, "fix_available": d.fix_available})
    rep.findings.sort(key=lambda f: (f["path"], f["line"], f["column"], f["code"]))
    if fix_preview:
        files = sorted(shown(result, r.path, folder) for r in result.results if r.skipped is None and not r.errors)
        preview_fixes(rep, files, jobs, select)
    return rep


def _rules(select: Sequence[str]) -> dict[str, Any]:
    """Every rule (on by default or not), or only the ``--select`` ones."""
    return {"select": list(select)} if select else {"extend_select": ["ALL"]}


def preview_fixes(rep: FolderReport, files: list[str], jobs: int | None, select: Sequence[str] = ()) -> None:
    """``fix --diff`` per app, safe and unsafe, on the analysed files only; nothing is written."""
    app_dirs = find_apps(rep.folder)
    by_app: dict[str, list[str]] = defaultdict(list)
    for f in files:
        by_app[app_of(f, app_dirs)].append(f)
    for app, app_files in sorted(by_app.items()):
        app_abs = os.path.join(rep.folder, app)
        entry: dict[str, Any] = {"app": app or ".", "files": len(app_files)}
        for mode in ("safe", "unsafe"):
            paths = [os.path.relpath(os.path.join(rep.folder, f), app_abs) for f in app_files]
            with working_directory(app_abs):
                result = run(Request(paths=paths, fix=True, diff=True, changelog=False, **_rules(select),
                                     unsafe_fixes=(True if mode == "unsafe" else None), jobs=jobs))
            changed = []
            problems = [f"{p}: {m}" for p, m in result.errors]
            for r in result.changed_files:
                path = shown(result, r.path, rep.folder)
                changed.append(path)
                try:  # the runner checks this too; an independent check here cannot hurt
                    compile(r.fixed or b"", path, "exec")
                except (SyntaxError, ValueError) as exc:
                    problems.append(f"{path}: fixed file does not compile: {exc}")
                for code, n in r.fixed_counts.items():
                    rc = rep.rules.get(code)
                    if rc is None:
                        continue
                    rc.fixes[mode] += n
                    rc.fixed_files[mode].add(path)
            entry[mode] = {"changed": sorted(changed), "problems": problems,
                           "fixes": dict(Counter(d.code for r in result.changed_files for d in r.applied))}
        rep.apps.append(entry)


def total(reports: list[FolderReport]) -> FolderReport:
    out = FolderReport(folder="(all)")
    for rep in reports:
        out.files += rep.files
        out.analysed += rep.analysed
        out.errors += rep.errors
        for code, rc in rep.rules.items():
            t = out.rule(code, rc.name)
            t.findings += rc.findings
            t.files |= {f"{rep.folder}/{f}" for f in rc.files}
            t.fixable += rc.fixable
            t.unsafe_only += rc.unsafe_only
            for mode in ("safe", "unsafe"):
                t.fixes[mode] += rc.fixes[mode]
                t.fixed_files[mode] |= {f"{rep.folder}/{f}" for f in rc.fixed_files[mode]}
    out.rules = dict(sorted(out.rules.items()))
    return out


def table(rep: FolderReport, fix_preview: bool) -> str:
    head = ["rule", "name", "findings", "files", "fixable", "unsafe-only"]
    if fix_preview:
        head += ["fixes", "files-fixed", "fixes-unsafe", "files-fixed-unsafe"]
    rows = [head]
    sums = [0] * (len(head) - 2)
    for code, rc in sorted(rep.rules.items()):
        values = [rc.findings, len(rc.files), rc.fixable, rc.unsafe_only]
        if fix_preview:
            values += [rc.fixes["safe"], len(rc.fixed_files["safe"]), rc.fixes["unsafe"],
                       len(rc.fixed_files["unsafe"])]
        sums = [a + b for a, b in zip(sums, values)]
        rows.append([code, rc.name, *map(str, values)])
    # file columns of the total row count each file once, not once per rule
    sums[1] = len(set().union(*(rc.files for rc in rep.rules.values())))
    if fix_preview:
        sums[5] = len(set().union(*(rc.fixed_files["safe"] for rc in rep.rules.values())))
        sums[7] = len(set().union(*(rc.fixed_files["unsafe"] for rc in rep.rules.values())))
    rows.append(["total", "", *map(str, sums)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = []
    for row in rows:
        cells = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def render_text(reports: list[FolderReport], *, listing: bool, fix_preview: bool) -> str:
    out: list[str] = []
    for rep in reports:
        out.append(f"== {rep.folder}: {rep.files} Python files, {rep.analysed} analysed (import aws_cdk), "
                   f"{len(rep.errors)} errors")
        out.append(table(rep, fix_preview))
        if listing:
            out.append("")
            out += [f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message']}"
                    + (" [*]" if f["fixable"] else " [unsafe]" if f["fix_available"] else "")
                    for f in rep.findings]
        for e in rep.errors:
            out.append(f"error: {e}")
        if fix_preview:
            out.append("")
            out.append("fix --diff per app (files changed: safe / with --unsafe-fixes)")
            for app in rep.apps:
                safe, unsafe = app["safe"], app["unsafe"]
                if not (safe["changed"] or unsafe["changed"] or safe["problems"] or unsafe["problems"]):
                    continue
                fixes = ", ".join(f"{c} {n}" for c, n in sorted(unsafe["fixes"].items()))
                out.append(f"  {app['app']}: {len(safe['changed'])} / {len(unsafe['changed'])} ({fixes})")
                for p in dict.fromkeys(safe["problems"] + unsafe["problems"]):
                    out.append(f"    problem: {p}")
        out.append("")
    if len(reports) > 1:
        t = total(reports)
        out.append(f"== all folders: {t.files} Python files, {t.analysed} analysed, {len(t.errors)} errors")
        out.append(table(t, fix_preview))
        out.append("")
    return "\n".join(out)


def render_json(reports: list[FolderReport], fix_preview: bool) -> str:
    def one(rep: FolderReport) -> dict[str, Any]:
        data: dict[str, Any] = {"folder": rep.folder, "files": rep.files, "analysed": rep.analysed,
                                "errors": rep.errors, "rules": [rc.to_json() for _, rc in sorted(rep.rules.items())],
                                "findings": rep.findings}
        if fix_preview:
            data["apps"] = rep.apps
        return data

    t = total(reports)
    doc = {"folders": [one(r) for r in reports],
           "total": {"files": t.files, "analysed": t.analysed, "errors": len(t.errors),
                     "rules": [rc.to_json() for rc in t.rules.values()]}}
    return json.dumps(doc, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folders of CDK Python code (e.g. aws-cdk-examples/python)")
    parser.add_argument("--list", action="store_true", help="print every finding as path:line:col: CODE message")
    parser.add_argument("--fix-preview", action="store_true",
                        help="run fix --diff per app (safe, then --unsafe-fixes) and count changed files per rule")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: CPU count)")
    parser.add_argument("--select", default="", help="only these rules or prefixes, comma-separated (default: all)")
    args = parser.parse_args(argv)
    for folder in args.folders:
        if not os.path.isdir(folder):
            print(f"{folder}: error: not a folder", file=sys.stderr)
            return 2
    try:
        select = [c.strip() for c in args.select.split(",") if c.strip()]
        reports = [measure(f, fix_preview=args.fix_preview, jobs=args.jobs, select=select) for f in args.folders]
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.write(render_json(reports, args.fix_preview))
    else:
        sys.stdout.write(render_text(reports, listing=args.list, fix_preview=args.fix_preview))
    return 0


if __name__ == "__main__":
    status = main()
    # pygit2 1.21's discover_repository returns None without a reference when no repository is found
    # (the runner asks once or twice per run): after many runs outside a git repository, Python 3.11
    # aborts at exit with "deallocating None". Nothing is left to do here, so skip the finalization.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
