"""``--verify``: synthesize the app before and after a planned fix (nothing written yet).

``fix --verify`` plans (the runner with ``diff=True``), verifies the plan with
:func:`remediator.verify.verify_change`, and writes it (:func:`remediator.runner.write_plan`)
only when the verification allows: synthesis ran, the app still synthesizes, and no resource
would be replaced or deleted unless ``--unsafe-fixes``. ``check --verify`` verifies the plan
that ``fix`` would write. ``remediator pr --verify`` verifies the fix before it is pushed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Sequence

from remediator.runner import RunResult


@dataclass
class VerifyOptions:
    app: str | None = None  #: ``--app``: the entry point
    context: dict[str, str] = field(default_factory=dict)  #: ``-c key=value``
    timeout: float = 300.0
    python: str | None = None  #: ``--cdk-python``: the interpreter that runs the app

    @classmethod
    def parse(cls, app: str | None, context: Sequence[str], timeout: float, python: str | None) -> "VerifyOptions":
        """Raises :class:`~remediator.verify.VerifyError` for a bad ``-c`` option."""
        from remediator.verify import parse_context_options

        return cls(app, parse_context_options(context), timeout, python)


def verify_plan(plan: RunResult, options: VerifyOptions) -> list[Any]:
    """One :class:`~remediator.verify.Verification` per app the plan changes (the nearest folder
    with ``cdk.json`` above each changed file; with ``--app``, the app of the first path); empty
    when the plan changes nothing. Changelogs are not synthesized."""
    from remediator.verify import find_app_dir, verify_change

    changes = [c for c in plan.changes if c.source]
    if not changes:
        return []
    paths = list(plan.request.paths) if plan.request is not None else ["."]
    by_app: dict[str, dict[str, bytes | None]] = {}
    for change in changes:
        app_dir = find_app_dir(paths[0] if options.app else change.path)
        by_app.setdefault(app_dir, {})[change.path] = change.new
    applied = {os.path.join(plan.root, r.path): r.applied for r in plan.changed_files}
    return [verify_change(app_dir, app_changes, applied={p: applied.get(p, ()) for p in app_changes},
                          python=options.python, app=options.app, context=options.context, timeout=options.timeout)
            for app_dir, app_changes in sorted(by_app.items())]


def blocking(verifications: Sequence[Any], unsafe_fixes: bool, root: str | None = None) -> list[str]:
    """Why the plan must not be written (one line each): empty when every verification allows it."""
    return [reason for v in verifications if (reason := v.blocks_write(unsafe_fixes, root)) is not None]


def exit_status(verifications: Sequence[Any]) -> int:
    """2 when synthesis cannot run, 1 when the fix breaks synthesis or replaces a resource, else 0."""
    return max((v.exit_status for v in verifications), default=0)


def cannot_run_lines(verification: Any) -> list[str]:
    """``error: synthesis cannot run: ...`` and the app's last error lines (for stderr)."""
    if verification.cannot_run is None:
        return []
    return [f"error: {verification.cannot_run.line}", *("  " + line for line in verification.cannot_run.lines)]
