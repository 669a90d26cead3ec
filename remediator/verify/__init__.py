"""Verification: synthesize a CDK app before and after a change, and compare what it deploys.

The API for the pipeline (``check --verify`` / ``fix --verify`` and ``remediator verify``)::

    from remediator.verify import verify_change, Verification

    v = verify_change(app_dir, changes, *, python=None, nag=True, timeout=300, app=None,
                      context=None, applied=None)
    # app_dir:  the folder the app runs in (find_app_dir(path) finds it: nearest cdk.json)
    # changes:  {absolute path: new bytes (None: file removed)} -- the planned fixes, not yet written
    # python:   the interpreter with aws-cdk-lib (default: choose_python: the app command's venv,
    #           the project's .venv/venv, this interpreter, python3 on PATH -- first with aws-cdk-lib)
    # app:      --app PATH override of the entry point; context: {key: value} from -c key=value
    #           (parse_context_options(["k=v", ...]))
    # applied:  {absolute path: [rule codes, or objects with .code]} to name the rules of a breaking file
    v.status              # "ok" | "repaired" | "broken" | "cannot-run"
    v.blocks_write(unsafe_fixes)  # None, or the one-line reason to write nothing:
                          #   synthesis cannot run / the fix breaks synth (and which file and rules) /
                          #   a resource would be replaced (unless unsafe_fixes)
    v.exit_status         # 0 fine, 1 broken or a replacement, 2 cannot run
    v.render_text(root)   # the report, paths relative to root (default: the working directory)
    v.to_json(root)       # the same as a JSON-ready dict (report.render_json gives the string)
    v.before, v.after     # SynthResult: ok, failure, error, stderr_tail, templates, nag, node, ...
    v.nag                 # {"AwsSolutions-KMS5": (2, 0), ...} (None unless both sides ran cdk-nag)
    v.stacks              # [StackDiff(stack, status, added, removed, modified)]
    v.replacements        # [Replacement(stack, logical_id, type, reason, property, before, after, ...)]
    v.breakage            # Breakage(culprits=[Culprit(path, rules, error)], tried, not_tried) when broken
    v.cannot_run          # CannotRun(kind, message, lines): kind no-node | no-aws-cdk-lib | app-error |
                          #   timeout | no-app | no-python | no-template | no-cfn-lint | outside-app

From a plan-then-apply run (``remediator.runner.run`` with ``diff=True``: nothing written yet)::

    result = run(Request(paths=[path], fix=True, diff=True, ...))
    changes = {c.path: c.new for c in result.changes if c.source}        # stacks; changelogs need no synth
    applied = {os.path.join(result.root, r.path): r.applied for r in result.changed_files}
    v = verify_change(find_app_dir(path), changes, applied=applied, python=cdk_python,
                      app=app_option, context=parse_context_options(c_options))
    reason = v.blocks_write(unsafe_fixes)                                # write the plan only if None

With no changes there is nothing to verify (do not call it). Nothing here writes to the app's folder: "before" runs in place (the cloud assembly goes to a
temporary folder), "after" runs in a temporary copy with the changes. Modules:
:mod:`~remediator.verify.app` (find the app, its interpreter and context),
:mod:`~remediator.verify.synthesize` (run one synth, cdk-nag attached from outside the app),
:mod:`~remediator.verify.snapshot` (a version of the app: on disk plus an overlay),
:mod:`~remediator.verify.compare` (resources added/removed/modified per stack),
:mod:`~remediator.verify.replacement` (create-only properties from cfn-lint's schemas),
:mod:`~remediator.verify.verification` (the two synths, the judgement, which file broke it),
:mod:`~remediator.verify.report` (text and JSON), :mod:`~remediator.verify.command` (``remediator verify``).
"""

from remediator.verify.app import (AppCommand, VerifyError, choose_python, find_app, find_app_dir,
                                   parse_context_options)
from remediator.verify.compare import ResourceChange, ResourceRef, StackDiff, diff_templates
from remediator.verify.replacement import Replacement, create_only_properties, find_replacements
from remediator.verify.report import render_json, render_text
from remediator.verify.snapshot import Snapshot
from remediator.verify.synthesize import NodeChoice, SynthResult, find_node, nag_delta, synth
from remediator.verify.verification import (Breakage, CannotRun, Culprit, Verification, find_breaking_files,
                                            verify_change, verify_snapshots)

__all__ = [
    "AppCommand", "Breakage", "CannotRun", "Culprit", "NodeChoice", "Replacement", "ResourceChange", "ResourceRef",
    "Snapshot", "StackDiff", "SynthResult", "Verification", "VerifyError", "choose_python",
    "create_only_properties", "diff_templates", "find_app", "find_app_dir", "find_breaking_files", "find_node",
    "find_replacements", "nag_delta", "parse_context_options", "render_json", "render_text", "synth",
    "verify_change", "verify_snapshots",
]
