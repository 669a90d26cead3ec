"""Text and JSON renderings of a :class:`~remediator.verify.verification.Verification`.

Text (what ``remediator verify`` prints; paths relative to ``root``)::

    verify examples/insecure_app: 3 changed files in the app
    synth: ok before, ok after (node v22.23.5, aws-cdk-lib 2.275.0, 9.8 s and 9.9 s, 11.2 s in all)
    cdk-nag AwsSolutions findings, before -> after:
      AwsSolutions-KMS5  2 -> 0
      AwsSolutions-S1    3 -> 3
    stacks (added, removed, modified resources):
      OrdersStorage: 0 added, 1 removed, 5 modified
        - OrdersStorage/Uploads/AutoDeleteObjectsCustomResource/Default (Custom::S3AutoDeleteObjects ...)
        ~ OrdersStorage/DataKey/Resource (AWS::KMS::Key DataKey3D2C9B1C): Properties.EnableKeyRotation
    replacements: 1
      ! Main/Data/Resource (AWS::S3::Bucket Data...) would be replaced: BucketName is create-only and ...

The JSON object has the same content: ``status``, ``exit_status``, ``before``/``after`` (ok, failure,
error, seconds, stacks), ``cannot_run``, ``nag`` (rule -> before/after), ``stacks`` (per stack:
counts, added, removed, modified), ``replacements`` (stack, logical id, type, reason, property,
values, message), ``broken_by`` and the changed files.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from remediator.verify.verification import error_lines, relative

if TYPE_CHECKING:  # pragma: no cover
    from remediator.verify.synthesize import SynthResult
    from remediator.verify.verification import Verification


def _rel(path: str, root: str | None) -> str:
    return path if root is None else relative(path, root)


def _side(result: SynthResult | None) -> str:
    if result is None:
        return "not run"
    if result.ok:
        return "ok"
    return "timed out" if result.timed_out else "failed"


def render_text(v: Verification, root: str | None = None) -> str:
    """The report as text lines (ends with a newline)."""
    root = os.getcwd() if root is None else root
    inside = [p for p in v.changed if relative(p, v.app_dir) != p]
    n, others = len(inside), len(v.changed) - len(inside)
    elsewhere = f" ({others} more outside it)" if others else ""
    out = [f"verify {_rel(v.app_dir, root)}: {n} changed file{'s' if n != 1 else ''} in the app{elsewhere}"]
    for path in v.ignored:
        out.append(f"  (not synthesized: {_rel(path, root)} is outside the app and not Python)")
    if v.cannot_run is not None:
        out.append(f"error: {v.cannot_run.line}")
        out.extend("  " + line for line in v.cannot_run.lines)
        return "\n".join(out) + "\n"
    b, a = v.before, v.after
    assert b is not None and a is not None
    tools = [f"node {b.node.version}" if b.node else None,
             f"aws-cdk-lib {b.cdk_version}" if b.cdk_version else None,
             f"{b.duration:.1f} s and {a.duration:.1f} s, {v.seconds:.1f} s in all"]
    out.append(f"synth: {_side(b)} before, {_side(a)} after ({', '.join(t for t in tools if t)})")
    for w in dict.fromkeys(b.warnings + a.warnings):
        out.append(f"  warning: {w}")
    if v.status == "repaired":
        out.append(f"  before: {b.error}")
        out.append("  the change makes the app synthesize; nothing to compare against")
    if v.status == "broken":
        out.append(f"  after: {a.error}")
        out.extend("    " + line for line in error_lines(a.stderr_tail))
        if v.breakage is not None:
            out.append(f"broken by: {v.breakage.describe(root)}")
            for c in v.breakage.culprits:
                if c.error and c.error != a.error:
                    out.append(f"  {_rel(c.path, root)} alone: {c.error}")
    nag = v.nag
    if nag is not None:
        shown = {rule: counts for rule, counts in nag.items() if counts != (0, 0)}
        total = (sum(c[0] for c in shown.values()), sum(c[1] for c in shown.values()))
        out.append(f"cdk-nag AwsSolutions findings, before -> after ({total[0]} -> {total[1]}):")
        width = max((len(r) for r in shown), default=0)
        for rule, (before, after) in shown.items():
            mark = "" if before == after else ("  fixed" if after == 0 else "  fewer" if after < before else "  more")
            out.append(f"  {rule:<{width}}  {before} -> {after}{mark}")
    else:
        reason = (b.nag_error or a.nag_error) if (b.ok or a.ok) else None
        if reason:
            out.append(f"cdk-nag: not run ({reason})")
    if v.status in ("ok",):
        out.append("stacks (added, removed, modified resources):")
        for diff in v.stacks:
            added, removed, modified = diff.counts
            note = {"added": " (new stack)", "removed": " (stack no longer in the app)"}.get(diff.status, "")
            out.append(f"  {diff.stack}: {added} added, {removed} removed, {modified} modified{note}")
            for r in diff.added:
                out.append(f"    + {r.label}")
            for r in diff.removed:
                out.append(f"    - {r.label}")
            for r in diff.modified:
                out.append(f"    ~ {r.label}: {', '.join(r.changes)}")
        if v.replacements:
            out.append(f"replacements: {len(v.replacements)}")
            out.extend(f"  ! {r.message}" for r in v.replacements)
        else:
            out.append("replacements: none")
    return "\n".join(out) + "\n"


def _side_json(result: SynthResult | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {"ok": result.ok, "failure": result.failure, "error": result.error, "seconds": round(result.duration, 1),
            "stacks": sorted(result.templates), "nag_error": result.nag_error, "warnings": result.warnings}


def to_json(v: Verification, root: str | None = None) -> dict[str, Any]:
    """The report as a JSON-ready object (paths relative to ``root`` when inside it, else absolute)."""
    b = v.before
    nag = v.nag
    return {
        "app": _rel(v.app_dir, root),
        "status": v.status,
        "exit_status": v.exit_status,
        "changed": [_rel(p, root) for p in v.changed],
        "ignored": [_rel(p, root) for p in v.ignored],
        "node": None if b is None or b.node is None else {"path": b.node.path, "version": b.node.version,
                                                          "source": b.node.source},
        "python": None if b is None else b.python,
        "aws_cdk_lib": None if b is None else b.cdk_version,
        "seconds": round(v.seconds, 1),
        "before": _side_json(v.before),
        "after": _side_json(v.after),
        "cannot_run": None if v.cannot_run is None else v.cannot_run.to_json(),
        "nag": None if nag is None else {rule: {"before": x, "after": y} for rule, (x, y) in nag.items()},
        "stacks": [d.to_json() for d in v.stacks],
        "replacements": [r.to_json() for r in v.replacements],
        "broken_by": None if v.breakage is None else {
            **v.breakage.to_json(),
            "files": [{**f, "path": _rel(f["path"], root)} for f in v.breakage.to_json()["files"]]},
    }


def render_json(v: Verification, root: str | None = None) -> str:
    return json.dumps(to_json(v, root), indent=2) + "\n"
