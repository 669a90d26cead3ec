#!/usr/bin/env python3
"""Does `remediator fix` make AI-drafted CDK apps synthesize, and does it break any that did?

For each app folder (a folder with a ``cdk.json``) under ROOT (default ``tests/ai_apps``), in three
fresh temporary copies of the app:

1. **before** -- synthesize the app as written;
2. **fix** -- run ``remediator fix --no-changelog .`` in the copy (safe fixes), then synthesize;
3. **unsafe** -- run ``remediator fix --unsafe-fixes --no-changelog .``, then synthesize.

Synthesis is :func:`remediator.verify.synthesize.synth` (the app's ``cdk.json`` command run with the
given Python, a throwaway cloud-assembly folder, no cdk-nag). After each fix, ``remediator check
--format json .`` counts the findings that remain. The table has one row per app::

    app                before  fix   unsafe  left  error
    order_pipeline     FAIL    ok    ok      3/2
    rds_postgres       FAIL    FAIL  FAIL    5/5   TypeError: DatabaseInstance.__init__() got an unexpected ...

(``left`` = findings remaining after the safe / unsafe fix; ``error`` = the first line of the error of
the last stage that failed), then the errors of every failing stage with the file and line of the
app's code that raised (from the traceback) and the findings remediator reported on that line, then::

    before: 6/30 synthesize; after fix: 21/30; after fix --unsafe-fixes: 25/30; broken by the fix: 0

"broken by the fix" counts apps that synthesized before and do not after either fix; their diffs are
printed (and are in the JSON). Usage::

    .venv/bin/python benchmarks/synth_repair.py [ROOT] [--app NAME ...] [--jobs N] [--json]
                                                [--timeout 300] [--python PATH] [--dry-run] [--list]

``--jobs N`` runs N apps at once (default 1: each synth is a Node.js + Python process pair, and the
machine may be shared); ``--python`` is the interpreter with aws-cdk-lib that runs the apps (default:
this one); ``--dry-run`` runs the fixes and counts findings but synthesizes nothing; ``--list``
prints the apps found. ``--json`` prints one JSON document instead of the table. The exit status is
0 when the run completed (whatever the apps did), 2 on bad arguments (no such root or app).
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = REPO / "tests" / "ai_apps"
SKIP_DIRS = {"cdk.out", "__pycache__", ".venv", "venv", "node_modules", ".git", ".pytest_cache"}
FIX_TIMEOUT = 600.0

if str(REPO) not in sys.path:  # run as a script from a checkout without installing
    sys.path.insert(0, str(REPO))


@dataclass
class SynthOutcome:
    ok: bool | None  #: None: not run (--dry-run)
    error: str | None = None  #: first line of the error
    failure: str | None = None  #: app-error | timeout | no-template | cannot-run
    where: str | None = None  #: app-relative path:line of the app's own frame that raised
    source_line: str | None = None  #: the text of that line (as synthesized: after the fix, for a fixed copy)
    stderr_tail: str = ""
    duration: float = 0.0


@dataclass
class FixOutcome:
    mode: str  #: "fix" or "unsafe"
    exit_code: int
    fixed: int | None  #: from "Fixed N findings ..." (None when not printed)
    changed_files: list[str]
    remaining: int | None  #: findings `check` still reports (None when check failed)
    findings: list[dict[str, Any]]
    errors: str  #: stderr lines that are not the summary
    diff: str  #: unified diff of what the fix changed
    synth: SynthOutcome
    #: "path:line: CODE message" of the findings inside the statement that raised
    findings_at_error: list[str] = field(default_factory=list)


@dataclass
class AppOutcome:
    app: str
    before: SynthOutcome
    fix: FixOutcome | None
    unsafe: FixOutcome | None
    broken_by_fix: bool = False
    broken_by_unsafe_fix: bool = False
    setup_error: str | None = None


# -- apps -----------------------------------------------------------------------------------------
def find_apps(root: Path) -> list[Path]:
    """Folders under ``root`` (recursively, not inside an app) that hold a ``cdk.json``, sorted."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        if "cdk.json" in filenames:
            out.append(Path(dirpath))
            dirnames[:] = []
    return sorted(out)


def app_name(root: Path, app: Path) -> str:
    rel = app.relative_to(root).as_posix()
    return rel if rel != "." else app.name


def copy_app(src: Path, dest: Path) -> None:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(*SKIP_DIRS, "*.pyc"))


def read_tree(folder: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not (set(path.relative_to(folder).parts) & SKIP_DIRS):
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


def tree_diff(old: dict[str, bytes], new: dict[str, bytes]) -> tuple[list[str], str]:
    changed = sorted(p for p in set(old) | set(new) if old.get(p) != new.get(p))
    chunks = []
    for path in changed:
        a = old.get(path, b"").decode("utf-8", "replace").splitlines(keepends=True)
        b = new.get(path, b"").decode("utf-8", "replace").splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(a, b, f"a/{path}", f"b/{path}"))
    return changed, "".join(c if c.endswith("\n") else c + "\n" for c in chunks)


# -- synthesis ------------------------------------------------------------------------------------
_FRAME = re.compile(r'^\s*File "(?P<path>[^"]+)", line (?P<line>\d+)')


def app_frame(stderr: str, app_dir: Path) -> str | None:
    """``path:line`` (relative to the app) of the last traceback frame in the app's own files."""
    base = os.path.realpath(app_dir)
    found = None
    for line in stderr.splitlines():
        m = _FRAME.match(line)
        if m:
            path = os.path.realpath(m.group("path"))
            if path.startswith(base + os.sep):
                found = f"{os.path.relpath(path, base)}:{m.group('line')}"
    return found


def run_synth(app_dir: Path, *, python: str, timeout: float, node: Any) -> SynthOutcome:
    from remediator.verify import VerifyError, synth

    started = time.monotonic()
    try:
        result = synth(str(app_dir), python=python, timeout=timeout, node=node)
    except VerifyError as exc:
        return SynthOutcome(ok=False, error=str(exc), failure="cannot-run", duration=time.monotonic() - started)
    where = None if result.ok else app_frame(result.stderr_tail, app_dir)
    return SynthOutcome(ok=result.ok, error=None if result.ok else result.error, failure=result.failure,
                        where=where, source_line=_line_at(app_dir, where),
                        stderr_tail="" if result.ok else result.stderr_tail, duration=result.duration)


def _line_at(app_dir: Path, where: str | None) -> str | None:
    if not where:
        return None
    path, _, line = where.rpartition(":")
    try:
        lines = (app_dir / path).read_text(encoding="utf-8", errors="replace").splitlines()
        return lines[int(line) - 1].strip()
    except (OSError, ValueError, IndexError):
        return None


# -- remediator -----------------------------------------------------------------------------------
_SUMMARY = re.compile(r"^Fixed (\d+) findings? in \d+ files?")


def remediator(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "remediator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=FIX_TIMEOUT, env=env)


def run_fix(src: Path, work: Path, mode: str, *, synthesize: bool, python: str, timeout: float,
            node: Any) -> FixOutcome:
    copy_app(src, work)
    original = read_tree(work)
    args = ["fix", "--no-changelog", "."] if mode == "fix" else ["fix", "--unsafe-fixes", "--no-changelog", "."]
    proc = remediator(args, work)
    fixed = None
    other = []
    for line in proc.stderr.splitlines():
        m = _SUMMARY.match(line)
        if m:
            fixed = int(m.group(1))
        elif line.strip() and not line.startswith("API: "):  # the API version line is not an error
            other.append(line)
    changed, diff = tree_diff(original, read_tree(work))
    check = remediator(["check", "--format", "json", "."], work)
    try:
        findings = json.loads(check.stdout) if check.returncode in (0, 1) else None
    except json.JSONDecodeError:
        findings = None
    if findings is None:
        other.append(f"check exited {check.returncode}: {check.stderr.strip()[-500:]}")
    for f in findings or []:
        f["path"] = os.path.relpath(os.path.join(work, f["path"]), work) if not os.path.isabs(f["path"]) \
            else os.path.relpath(f["path"], work)
    synth_outcome = run_synth(work, python=python, timeout=timeout, node=node) if synthesize else SynthOutcome(ok=None)
    outcome = FixOutcome(mode=mode, exit_code=proc.returncode, fixed=fixed, changed_files=changed,
                         remaining=None if findings is None else len(findings), findings=findings or [],
                         errors="\n".join(other), diff=diff, synth=synth_outcome)
    if synth_outcome.where:
        path, _, line = synth_outcome.where.rpartition(":")
        first, last = statement_lines(work / path, int(line))
        outcome.findings_at_error = [f"{f['path']}:{f['line']}: {f['code']} {f['message']}" for f in findings or []
                                     if f["path"] == path and first <= int(f["line"]) <= last]
    return outcome


def statement_lines(path: Path, line: int) -> tuple[int, int]:
    """First and last line of the innermost statement at ``line`` (a traceback names a call's first line;
    the keyword that broke it may be lines further down). A compound statement counts up to its body."""
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return line, line
    best = (line, line)
    best_size = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        end = node.end_lineno or node.lineno
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
            end = max(node.lineno, body[0].lineno - 1)
        if node.lineno <= line <= end and (best_size is None or end - node.lineno < best_size):
            best, best_size = (node.lineno, end), end - node.lineno
    return best


def run_app(root: Path, app: Path, *, synthesize: bool, python: str, timeout: float, node: Any) -> AppOutcome:
    name = app_name(root, app)
    with tempfile.TemporaryDirectory(prefix="synth-repair-") as tmp:
        tmp_path = Path(tmp)
        try:
            if synthesize:
                copy_app(app, tmp_path / "before")
                before = run_synth(tmp_path / "before", python=python, timeout=timeout, node=node)
            else:
                before = SynthOutcome(ok=None)
            fix = run_fix(app, tmp_path / "fix", "fix", synthesize=synthesize, python=python, timeout=timeout,
                          node=node)
            unsafe = run_fix(app, tmp_path / "unsafe", "unsafe", synthesize=synthesize, python=python,
                             timeout=timeout, node=node)
        except (OSError, subprocess.SubprocessError) as exc:
            return AppOutcome(app=name, before=SynthOutcome(ok=None), fix=None, unsafe=None,
                              setup_error=f"{type(exc).__name__}: {exc}")
    return AppOutcome(app=name, before=before, fix=fix, unsafe=unsafe,
                      broken_by_fix=bool(before.ok and fix.synth.ok is False),
                      broken_by_unsafe_fix=bool(before.ok and unsafe.synth.ok is False))


# -- output ---------------------------------------------------------------------------------------
def _cell(ok: bool | None) -> str:
    return "-" if ok is None else ("ok" if ok else "FAIL")


def totals(outcomes: list[AppOutcome]) -> dict[str, Any]:
    n = len(outcomes)

    def count(get) -> int:
        return sum(1 for o in outcomes if get(o))

    return {
        "apps": n,
        "before": count(lambda o: o.before.ok),
        "fix": count(lambda o: o.fix and o.fix.synth.ok),
        "unsafe": count(lambda o: o.unsafe and o.unsafe.synth.ok),
        "broken_by_fix": sorted(o.app for o in outcomes if o.broken_by_fix or o.broken_by_unsafe_fix),
        "repaired_by_fix": sorted(o.app for o in outcomes if o.before.ok is False and o.fix and o.fix.synth.ok),
        "repaired_by_unsafe_fix": sorted(o.app for o in outcomes
                                         if o.before.ok is False and o.unsafe and o.unsafe.synth.ok),
    }


def totals_line(t: dict[str, Any], synthesized: bool) -> str:
    n = t["apps"]
    if not synthesized:
        return f"{n} apps; synthesis skipped (--dry-run)"
    return (f"before: {t['before']}/{n} synthesize; after fix: {t['fix']}/{n}; "
            f"after fix --unsafe-fixes: {t['unsafe']}/{n}; broken by the fix: {len(t['broken_by_fix'])}")


def last_error(o: AppOutcome) -> str:
    if o.setup_error:
        return o.setup_error
    for stage in (o.unsafe.synth if o.unsafe else None, o.fix.synth if o.fix else None, o.before):
        if stage is not None and stage.ok is False:
            return stage.error or stage.failure or "failed"
    return ""


def render_text(outcomes: list[AppOutcome], synthesized: bool, width: int = 110) -> str:
    name_w = max([len("app")] + [len(o.app) for o in outcomes])
    lines = [f"{'app':<{name_w}}  before  fix   unsafe  left   error"]
    for o in outcomes:
        left = "-/-"
        if o.fix and o.unsafe:
            left = f"{'?' if o.fix.remaining is None else o.fix.remaining}/" \
                   f"{'?' if o.unsafe.remaining is None else o.unsafe.remaining}"
        err = last_error(o)
        if len(err) > width:
            err = err[: width - 3] + "..."
        lines.append(f"{o.app:<{name_w}}  {_cell(o.before.ok):<6}  {_cell(o.fix and o.fix.synth.ok):<4}  "
                     f"{_cell(o.unsafe and o.unsafe.synth.ok):<6}  {left:<5}  {err}".rstrip())
    details = []
    for o in outcomes:
        stages = [("before", o.before, [])]
        for f in (o.fix, o.unsafe):
            if f is not None:
                stages.append(("fix" if f.mode == "fix" else "fix --unsafe-fixes", f.synth, f.findings_at_error))
        for label, s, at in stages:
            if s.ok is False:
                where = f" at {s.where}" if s.where else ""
                details.append(f"{o.app} [{label}]{where}: {s.error}")
                if s.source_line:
                    details.append(f"    {s.source_line}")
                for finding in at:
                    details.append(f"    remediator reported there: {finding}")
        for f in (o.fix, o.unsafe):
            if f is not None and (f.errors or f.exit_code not in (0, 1)):
                details.append(f"{o.app} [remediator {f.mode}] exit {f.exit_code}: {f.errors}".rstrip())
    if details:
        lines += ["", "Errors:"] + details
    t = totals(outcomes)
    broken = [o for o in outcomes if o.broken_by_fix or o.broken_by_unsafe_fix]
    for o in broken:
        f = o.fix if o.broken_by_fix else o.unsafe
        lines += ["", f"BROKEN by `remediator {'fix' if f.mode == 'fix' else 'fix --unsafe-fixes'}`: {o.app}",
                  f.diff.rstrip()]
    lines += ["", totals_line(t, synthesized)]
    return "\n".join(lines) + "\n"


def render_json(outcomes: list[AppOutcome], synthesized: bool, meta: dict[str, Any]) -> str:
    t = totals(outcomes)
    doc = {**meta, "synthesized": synthesized, "apps": [asdict(o) for o in outcomes], "totals": t,
           "summary": totals_line(t, synthesized)}
    return json.dumps(doc, indent=2) + "\n"


# -- main -----------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", default=str(DEFAULT_ROOT), help="folder of apps (default tests/ai_apps)")
    parser.add_argument("--app", action="append", default=[], help="run only this app (repeatable)")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="apps run at once (default 1)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per synth (default 300)")
    parser.add_argument("--python", default=sys.executable, help="interpreter with aws-cdk-lib (default: this one)")
    parser.add_argument("--dry-run", action="store_true", help="run the fixes and count findings; do not synthesize")
    parser.add_argument("--list", action="store_true", help="list the apps and exit")
    args = parser.parse_args(argv)

    root = Path(args.root).resolve()
    if not root.is_dir():
        print(f"synth_repair: error: {args.root}: no such folder", file=sys.stderr)
        return 2
    apps = find_apps(root)
    if args.app:
        by_name = {app_name(root, a): a for a in apps}
        missing = [n for n in args.app if n not in by_name]
        if missing:
            print(f"synth_repair: error: no app {', '.join(missing)} under {args.root} (apps are folders with a "
                  f"cdk.json; --list lists them)", file=sys.stderr)
            return 2
        apps = [by_name[n] for n in args.app]
    if args.list:
        for a in apps:
            print(app_name(root, a))
        return 0
    if args.jobs < 1:
        print("synth_repair: error: --jobs must be at least 1", file=sys.stderr)
        return 2

    synthesize = not args.dry_run
    node = None
    meta: dict[str, Any] = {"root": str(root), "python": args.python}
    if synthesize:
        from remediator.verify import VerifyError, find_node

        try:
            node = find_node([str(REPO)])
        except VerifyError as exc:
            print(f"synth_repair: error: {exc}", file=sys.stderr)
            return 2
        meta["node"] = f"{node.version} ({node.source})"
        version = subprocess.run([args.python, "-c", "import aws_cdk, importlib.metadata as m; "
                                  "print(m.version('aws-cdk-lib'))"], capture_output=True, text=True)
        meta["aws_cdk_lib"] = version.stdout.strip() or None
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    meta["remediator_commit"] = commit.stdout.strip() or None

    started = time.monotonic()
    outcomes: dict[Path, AppOutcome] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(run_app, root, a, synthesize=synthesize, python=args.python, timeout=args.timeout,
                               node=node): a for a in apps}
        for future in concurrent.futures.as_completed(futures):
            outcome = future.result()
            outcomes[futures[future]] = outcome
            print(f"  done {outcome.app} ({len(outcomes)}/{len(apps)})", file=sys.stderr, flush=True)
    ordered = [outcomes[a] for a in apps]
    meta["seconds"] = round(time.monotonic() - started, 1)
    meta["jobs"] = args.jobs
    if args.json:
        sys.stdout.write(render_json(ordered, synthesize, meta))
    else:
        sys.stdout.write(render_text(ordered, synthesize))
        print(f"({len(apps)} apps in {meta['seconds']} s, --jobs {args.jobs}, remediator {meta['remediator_commit']}"
              + (f", aws-cdk-lib {meta.get('aws_cdk_lib')}, node {meta.get('node')}" if synthesize else "") + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
