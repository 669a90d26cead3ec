"""One verification: synthesize the app before and after a change (in parallel), compare, judge.

:func:`verify_change` is the entry point for a fix that has not been written yet (the app on disk is
"before", a copy with the planned bytes is "after"); :func:`verify_snapshots` compares any two
versions (``remediator verify`` uses it with git ``HEAD`` as "before" and the working tree as "after").

Outcomes (:attr:`Verification.status`):

* ``ok`` -- both synthesize; the report has the cdk-nag counts, the per-stack diff and replacements;
* ``repaired`` -- the app failed to synthesize before and synthesizes after (the CDK1xx rules fix
  apps that do not synthesize);
* ``broken`` -- it synthesized before and does not after; :func:`find_breaking_files` names the
  changed files whose change alone breaks it, with the rules that changed them;
* ``cannot-run`` -- synthesis cannot run at all: no Node.js, no aws-cdk-lib for the interpreter,
  the app raises before the change (and after it), a synth timed out, no entry point, no cfn-lint.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from remediator.verify.app import VerifyError, choose_python, find_app
from remediator.verify.compare import StackDiff, diff_templates
from remediator.verify.replacement import Replacement, find_replacements, require_schemas
from remediator.verify.snapshot import Snapshot
from remediator.verify.synthesize import DEFAULT_TIMEOUT, SynthResult, _repo_roots, find_node, synth

#: at most this many extra synths to find which file's change breaks synthesis
MAX_BISECT_SYNTHS = 6
#: how many of the app's last error lines a report shows
ERROR_LINES = 8
#: changed files that synthesis does not read, never synthesized alone to find what broke it
DOCUMENTS = (".md", ".rst", ".txt")
_ON_DISK = object()

#: why synthesis cannot run, per kind (each message starts with its own wording of it)
CANNOT_RUN = {
    "no-node": "no Node.js",
    "no-aws-cdk-lib": "no aws-cdk-lib for the chosen interpreter",
    "no-python": "the Python interpreter cannot be started",
    "app-error": "the app raises",
    "no-template": "the app produces no template",
    "timeout": "the synth timed out",
    "no-app": "no CDK app",
    "no-cfn-lint": "no resource schemas for the replacement check",
    "outside-app": "a change is outside the app",
    "bad-option": "bad option",
}


@dataclass
class CannotRun:
    kind: str  #: a key of :data:`CANNOT_RUN`
    message: str  #: one line
    lines: list[str] = field(default_factory=list)  #: the app's last error lines
    side: str | None = None  #: ``before`` / ``after`` when one synth failed this way

    @property
    def line(self) -> str:
        where = f" ({self.side} the change)" if self.side else ""
        return f"synthesis cannot run{where}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "reason": CANNOT_RUN.get(self.kind, self.kind), "message": self.message,
                "side": self.side, "lines": self.lines, "line": self.line}


@dataclass
class Culprit:
    path: str
    rules: list[str]  #: rule codes whose fixes changed the file (empty when not known)
    error: str  #: the synth error with this file's change alone


@dataclass
class Breakage:
    """Which changes break synthesis (each file's change tried alone, at most ``MAX_BISECT_SYNTHS``)."""

    culprits: list[Culprit] = field(default_factory=list)
    tried: list[str] = field(default_factory=list)
    not_tried: list[str] = field(default_factory=list)  #: over the synth budget

    @property
    def together(self) -> bool:
        """No file's change alone breaks it (only their combination does), as far as tried."""
        return not self.culprits and not self.not_tried

    def describe(self, root: str | None = None) -> str:
        """One line: the breaking files with their rules (paths relative to ``root``, default the
        working directory)."""
        root = os.getcwd() if root is None else root
        rel = [relative(p, root) for p in self.tried]
        if self.culprits:
            return "; ".join(relative(c.path, root) + (f" ({', '.join(c.rules)})" if c.rules else "")
                             for c in self.culprits)
        if not self.tried and not self.not_tried:
            return "no changed file that synthesis reads could be tried alone"
        if self.not_tried:
            return (f"not found within {len(self.tried)} synths (not tried: "
                    f"{', '.join(relative(p, root) for p in self.not_tried)})")
        return "no single file's change breaks it alone; the changes together do: " + ", ".join(rel)

    def to_json(self) -> dict[str, Any]:
        return {"files": [{"path": c.path, "rules": c.rules, "error": c.error} for c in self.culprits],
                "tried": self.tried, "not_tried": self.not_tried, "together": self.together}


@dataclass
class Verification:
    app_dir: str
    changed: list[str]  #: the changed files (absolute paths)
    before: SynthResult | None = None
    after: SynthResult | None = None
    cannot_run: CannotRun | None = None
    stacks: list[StackDiff] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
    breakage: Breakage | None = None
    ignored: list[str] = field(default_factory=list)  #: changes that cannot matter to synthesis
    seconds: float = 0.0

    @property
    def status(self) -> str:
        if self.cannot_run is not None:
            return "cannot-run"
        assert self.before is not None and self.after is not None
        if self.before.ok and not self.after.ok:
            return "broken"
        if not self.before.ok:
            return "repaired"
        return "ok"

    @property
    def exit_status(self) -> int:
        """0: nothing breaks and nothing is replaced; 1: the change breaks synthesis or replaces a
        resource; 2: synthesis cannot run."""
        if self.status == "cannot-run":
            return 2
        return 1 if self.status == "broken" or self.replacements else 0

    @property
    def nag(self) -> dict[str, tuple[int, int]] | None:
        """cdk-nag AwsSolutions findings per rule: rule -> (before, after); None unless cdk-nag ran on
        both sides (a side that failed to synthesize counts as unknown)."""
        if self.before is None or self.after is None or self.before.nag is None or self.after.nag is None:
            return None
        rules = sorted(set(self.before.nag) | set(self.after.nag), key=_rule_key)
        return {r: (self.before.nag.get(r, 0), self.after.nag.get(r, 0)) for r in rules}

    def blocks_write(self, unsafe_fixes: bool = False, root: str | None = None) -> str | None:
        """Why ``fix --verify`` must write nothing (one line; paths relative to ``root``, default the
        working directory), or None when it may write."""
        if self.cannot_run is not None:
            return f"not written: {self.cannot_run.line}"
        if self.status == "broken":
            assert self.after is not None
            culprit = f"; broken by {self.breakage.describe(root)}" if self.breakage else ""
            return (f"not written: the app synthesized before the fix and does not after: "
                    f"{self.after.error}{culprit}")
        if self.replacements and not unsafe_fixes:
            named = "; ".join(r.message for r in self.replacements)
            return (f"not written: the fix would replace or delete {len(self.replacements)} "
                    f"resource{'s' if len(self.replacements) != 1 else ''}: {named} (--unsafe-fixes writes anyway)")
        return None

    def render_text(self, root: str | None = None) -> str:
        from remediator.verify.report import render_text

        return render_text(self, root)

    def to_json(self, root: str | None = None) -> dict[str, Any]:
        from remediator.verify.report import to_json

        return to_json(self, root)


def relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` when inside it, else as it is."""
    rel = os.path.relpath(path, root)
    return path if rel.startswith(os.pardir) else rel


def _rule_key(rule: str) -> tuple[str, int, str]:
    head = rule.rstrip("0123456789")
    digits = rule[len(head):]
    return head, int(digits) if digits else -1, rule


def error_lines(stderr: str, count: int = ERROR_LINES) -> list[str]:
    """The app's last error lines: the end of its stderr without the frames of installed packages
    (jsii's kernel, aws-cdk-lib), so that the app's own frames and the exception remain."""
    kept: list[str] = []
    skipping = False
    for line in stderr.splitlines():
        stripped = line.strip()
        if stripped.startswith('File "'):
            skipping = any(part in stripped for part in ("site-packages", "dist-packages", "<frozen ", "remediator-synth-"))
        elif not line[:1].isspace():
            skipping = False
        if not skipping and stripped and not set(stripped) <= set("^~ "):
            kept.append(line)
    return kept[-count:]


def _cannot_run_from(result: SynthResult, side: str | None) -> CannotRun:
    lines = error_lines(result.stderr_tail)
    kind = result.failure or "app-error"
    message = f"the app raises: {result.error}" if kind == "app-error" else result.error or kind
    return CannotRun(kind, message, lines, side)


def _synth_snapshot(snapshot: Snapshot, app: str | None, context: Mapping[str, Any],
                    options: Mapping[str, Any]) -> SynthResult:
    """Synthesize one version: its own cdk.json and cdk.context.json are read (they may differ
    between versions); an ``--app`` file inside the app folder follows the app into its copy."""
    with snapshot.materialize() as folder:
        override = app
        if app and os.path.isabs(app) and folder != snapshot.app_dir:
            rel = os.path.relpath(app, snapshot.app_dir)
            if not (rel == os.pardir or rel.startswith(os.pardir + os.sep)):
                override = os.path.join(folder, rel)
        command = find_app(folder, app=override, context=dict(context))
        result = synth(folder, app_command=command, **options)
        if folder != snapshot.app_dir:  # name the user's files in errors, not the copy's
            copy_top = os.path.normpath(os.path.join(folder, os.path.relpath(snapshot.copy_root, snapshot.app_dir)))
            result.stderr_tail = result.stderr_tail.replace(copy_top, snapshot.copy_root)
            result.error = result.error and result.error.replace(copy_top, snapshot.copy_root)
        return result


def verify_snapshots(before: Snapshot, after: Snapshot, *, changed: Sequence[str], python: str | None = None,
                     nag: bool = True, timeout: float = DEFAULT_TIMEOUT, app: str | None = None,
                     context: Mapping[str, Any] | None = None, applied: Mapping[str, Iterable[Any]] | None = None,
                     bisect: bool = True, max_bisect_synths: int = MAX_BISECT_SYNTHS, jobs: int = 2,
                     check_replacements: bool = True) -> Verification:
    """Synthesize ``before`` and ``after`` (two processes at once with ``jobs`` >= 2) and compare.

    ``changed`` lists the changed files (absolute); ``applied`` maps a changed file to the fixes
    applied to it (rule codes, or objects with a ``code``), to name the rules of a breaking file.
    Never raises for a failing synth or a missing tool: see :attr:`Verification.cannot_run`."""
    import time

    started = time.monotonic()
    verification = Verification(before.app_dir, sorted(os.path.realpath(p) for p in changed),
                                ignored=sorted(set(before.ignored) | set(after.ignored)))
    context = dict(context or {})
    app = os.path.abspath(app) if app and os.path.isfile(app) else app
    try:
        if check_replacements:
            require_schemas()
        command = find_app(before.app_dir, app=app, context=context)
        node = find_node([command.cwd, *_repo_roots(command.cwd)])
        python, _ = choose_python(command, python)  # the same interpreter for every synth
        options = {"python": python, "nag": nag, "timeout": timeout, "node": node}
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, 2))) as pool:
            first = pool.submit(_synth_snapshot, before, app, context, options)
            second = pool.submit(_synth_snapshot, after, app, context, options)
            verification.before, verification.after = first.result(), second.result()
    except VerifyError as exc:
        verification.cannot_run = CannotRun(exc.kind, str(exc))
        verification.seconds = time.monotonic() - started
        return verification

    b, a = verification.before, verification.after
    if not b.ok and (b.failure == "timeout" or not a.ok):
        verification.cannot_run = _cannot_run_from(b, "before")
    elif a.failure == "timeout":
        verification.cannot_run = _cannot_run_from(a, "after")
    elif b.ok and a.ok:
        verification.stacks = diff_templates(b.templates, a.templates)
        if check_replacements:
            verification.replacements = find_replacements(b.templates, a.templates, verification.stacks)
    elif b.ok and bisect:
        verification.breakage = find_breaking_files(before, after, app, context, {**options, "nag": False},
                                                    applied=applied, max_synths=max_bisect_synths, jobs=jobs,
                                                    after_error=a.error)
    verification.seconds = time.monotonic() - started
    return verification


def verify_change(app_dir: str, changes: Mapping[str, bytes | None], *, python: str | None = None,
                  nag: bool = True, timeout: float = DEFAULT_TIMEOUT, app: str | None = None,
                  context: Mapping[str, Any] | None = None, applied: Mapping[str, Iterable[Any]] | None = None,
                  bisect: bool = True, max_bisect_synths: int = MAX_BISECT_SYNTHS, jobs: int = 2) -> Verification:
    """Verify planned changes (absolute path -> new bytes, None: file removed) to the app in
    ``app_dir`` before anything is written: the app as it is on disk is "before", a temporary copy
    with the changes is "after". See :mod:`remediator.verify` for the whole API."""
    try:
        before = Snapshot.of(app_dir)
        after = Snapshot.of(app_dir, changes, before.copy_root)
    except VerifyError as exc:
        return Verification(os.path.realpath(app_dir), sorted(os.path.realpath(p) for p in changes),
                            cannot_run=CannotRun(exc.kind, str(exc)))
    return verify_snapshots(before, after, changed=list(changes), python=python, nag=nag, timeout=timeout, app=app,
                            context=context, applied=applied, bisect=bisect, max_bisect_synths=max_bisect_synths,
                            jobs=jobs)


def _codes(items: Iterable[Any]) -> list[str]:
    codes: list[str] = []
    for item in items:
        code = item if isinstance(item, str) else getattr(item, "code", None)
        if code and code not in codes:
            codes.append(code)
    return sorted(codes)


def find_breaking_files(before: Snapshot, after: Snapshot, app: str | None, context: Mapping[str, Any],
                        options: Mapping[str, Any], *,
                        applied: Mapping[str, Iterable[Any]] | None = None, max_synths: int = MAX_BISECT_SYNTHS,
                        jobs: int = 2, after_error: str | None = None) -> Breakage:
    """Which changed files break synthesis: each file's change is applied alone on top of ``before``
    (one synth per file, ``jobs`` at a time, at most ``max_synths``; files beyond that are listed as
    not tried). With a single changed file it is the culprit without another synth. A file whose
    change alone does not break synth is innocent on its own; when every file is, only their
    combination breaks it (:attr:`Breakage.together`).

    Files are the keys where the overlays of ``before`` and ``after`` differ, Python modules first;
    documents (a changelog: ``.md``, ``.rst``, ``.txt``) are not tried."""
    applied = {os.path.realpath(k): v for k, v in (applied or {}).items()}
    paths = sorted(set(before.overlay) | set(after.overlay))
    differing = [p for p in paths if before.overlay.get(p, _ON_DISK) != after.overlay.get(p, _ON_DISK)
                 and not p.lower().endswith(DOCUMENTS)]
    differing.sort(key=lambda p: (not p.endswith(".py"), p))
    result = Breakage()
    if not differing:
        return result
    if len(differing) == 1:
        path = differing[0]
        result.tried = [path]
        result.culprits = [Culprit(path, _codes(applied.get(path, ())), after_error or "")]
        return result
    budget = differing[:max(0, max_synths)]
    result.not_tried = differing[len(budget):]

    def alone(path: str) -> SynthResult:
        overlay = dict(before.overlay)
        if path in after.overlay:
            overlay[path] = after.overlay[path]
        else:
            overlay.pop(path, None)  # "after" has this file as it is on disk
        return _synth_snapshot(before.with_overlay(overlay), app, context, options)

    with ThreadPoolExecutor(max_workers=max(1, min(jobs, 2))) as pool:
        results = list(pool.map(alone, budget))
    result.tried = list(budget)
    for path, res in zip(budget, results):
        if not res.ok:
            result.culprits.append(Culprit(path, _codes(applied.get(path, ())), res.error or ""))
    return result

