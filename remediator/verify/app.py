"""Find a CDK app: its folder, its entry point, the Python interpreter to run it with, its context.

This is what ``cdk synth`` reads before it starts an app, without the CDK CLI:

* **the folder** the app runs in: the nearest folder at or above a path that holds ``cdk.json``
  (up to the git work tree's top), else the path's own folder (which then needs an ``app.py``);
* **the entry point**: ``cdk.json``'s ``"app"`` command (``python3 app.py``, ``.venv/bin/python -u
  infra/main.py --stage beta``, ``python -m infra.app``, ``app.py``), else ``app.py``; an explicit
  ``app`` (``--app PATH``: a Python file, or a command of the same form) overrides both;
* **the interpreter** that has aws-cdk-lib (see :func:`choose_python`);
* **the context**, merged as the CDK CLI merges it: ``-c key=value`` options (strings) win over
  ``cdk.json``'s ``"context"``, which wins over ``cdk.context.json``. The CLI's own switches are added
  with its defaults (``aws:cdk:enable-path-metadata``, ``aws:cdk:enable-asset-metadata``, version
  reporting, each honouring ``pathMetadata`` / ``assetMetadata`` / ``versionReporting`` in
  ``cdk.json``); asset bundling is switched off (``aws:cdk:bundling-stacks = []``) so that verifying
  never needs Docker -- asset hashes then come from the asset sources, the same before and after.
  ``~/.cdk.json`` is not read: a verification gives the same answer on every machine.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

#: the CLI's context switches (``cx-api`` names) and the cdk.json settings that turn them off
CLI_CONTEXT_SWITCHES = (
    ("pathMetadata", "aws:cdk:enable-path-metadata"),
    ("assetMetadata", "aws:cdk:enable-asset-metadata"),
    ("versionReporting", "aws:cdk:version-reporting"),
)
BUNDLING_STACKS = "aws:cdk:bundling-stacks"


class VerifyError(Exception):
    """Synthesis cannot run at all. ``kind`` says why, for the one-line report:

    ``no-app`` (no entry point), ``no-node``, ``no-python`` (the interpreter cannot be started),
    ``no-aws-cdk-lib`` (the interpreter has no aws-cdk-lib), ``no-cfn-lint`` (the replacement
    check's schemas are missing), ``outside-app`` (a change outside the folder that is copied).
    """

    def __init__(self, message: str, kind: str = "no-app") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class AppCommand:
    """How to run an app's entry point with a Python interpreter of our choosing."""

    cwd: str  #: the folder holding cdk.json (or app.py): the app runs there, as under ``cdk synth``
    kind: str  #: ``path`` (a script) or ``module`` (``python -m``)
    target: str
    argv: list[str] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)  #: merged context, CLI switches included
    #: the interpreter the app command names (``.venv/bin/python``, ``python3``), if any
    interpreter: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)  #: cdk.json without ``app`` and ``context``


def parse_context_options(options: Iterable[str]) -> dict[str, str]:
    """``-c key=value`` options as the CDK CLI reads them: split at the first ``=``, values stay
    strings, keys starting with ``aws:`` are refused."""
    out: dict[str, str] = {}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not key:
            raise VerifyError(f"context option {option!r} is not key=value", "bad-option")
        if key.startswith("aws:"):
            raise VerifyError(f"context option {option!r}: keys prefixed with 'aws:' are reserved", "bad-option")
        out[key] = value
    return out


def git_toplevel(path: str) -> str | None:
    folder = path if os.path.isdir(path) else os.path.dirname(path)
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder or ".", capture_output=True,
                             text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return os.path.realpath(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def find_app_dir(path: str) -> str:
    """The folder an app runs in, for a path inside it: the nearest folder at or above ``path``
    holding ``cdk.json``, not climbing out of the git work tree; else ``path``'s folder."""
    path = os.path.realpath(path)
    start = path if os.path.isdir(path) else os.path.dirname(path)
    top = git_toplevel(start)
    folder = start
    while True:
        if os.path.isfile(os.path.join(folder, "cdk.json")):
            return folder
        parent = os.path.dirname(folder)
        if folder == top or parent == folder:
            return start
        folder = parent


def _is_python(token: str) -> bool:
    name = os.path.basename(token)
    return name.startswith("python") or name in ("py", "pypy3", "pypy")


def _read_json(path: str) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise VerifyError(f"{path}: cannot read: {exc}", "no-app") from None


def _parse_command(command: str, app_dir: str, where: str) -> tuple[str, str, list[str], str | None]:
    """``(kind, target, argv, interpreter)`` for an app command run with Python."""
    tokens = shlex.split(command)
    # `python3 app.py`, `.venv/bin/python app.py`, `pipenv run python app.py`, `python -m app`
    for i, tok in enumerate(tokens):
        if _is_python(tok):
            rest = tokens[i + 1:]
            while rest and rest[0].startswith("-") and rest[0] != "-m":
                rest = rest[1:]  # interpreter flags such as -u or -O
            if len(rest) >= 2 and rest[0] == "-m":
                return "module", rest[1], rest[2:], tok
            if rest and rest[0].endswith(".py"):
                return "path", os.path.join(app_dir, rest[0]), rest[1:], tok
            break
    if tokens and tokens[0].endswith(".py"):  # "app": "app.py" (an executable script)
        return "path", os.path.join(app_dir, tokens[0]), tokens[1:], None
    raise VerifyError(f"{where}: cannot run app command {command!r} with a Python interpreter", "no-app")


def find_app(app_dir: str, *, app: str | None = None, context: dict[str, Any] | None = None) -> AppCommand:
    """Read ``cdk.json`` (``"app"``, ``"context"``, settings) and ``cdk.context.json`` in ``app_dir``;
    without an app command, use ``app.py``. ``app`` overrides the entry point: a Python file (relative
    to the working directory, else to ``app_dir``) or a command like cdk.json's. ``context`` (from
    ``-c key=value``) wins over both files."""
    app_dir = os.path.abspath(app_dir)
    config: dict[str, Any] = {}
    cdk_json = os.path.join(app_dir, "cdk.json")
    if os.path.isfile(cdk_json):
        loaded = _read_json(cdk_json)
        if not isinstance(loaded, dict):
            raise VerifyError(f"{cdk_json}: not a JSON object", "no-app")
        config = loaded
    merged: dict[str, Any] = {}
    local_context = os.path.join(app_dir, "cdk.context.json")
    if os.path.isfile(local_context):
        loaded = _read_json(local_context)
        merged.update(loaded if isinstance(loaded, dict) else {})
    merged.update(config.get("context") or {})
    merged.update(context or {})
    for setting, key in CLI_CONTEXT_SWITCHES:
        if config.get(setting, True):
            merged[key] = True
        elif key == "aws:cdk:version-reporting":
            merged["aws:cdk:disable-version-reporting"] = True
    merged[BUNDLING_STACKS] = []
    settings = {k: v for k, v in config.items() if k not in ("app", "context")}

    if app:
        candidate = os.path.abspath(app) if os.path.isfile(app) else os.path.join(app_dir, app)
        if os.path.isfile(candidate):
            return AppCommand(app_dir, "path", candidate, [], merged, None, settings)
        kind, target, argv, interpreter = _parse_command(app, app_dir, "--app")
        if kind == "path" and not os.path.isfile(target):
            raise VerifyError(f"--app {app}: no such file {target}", "no-app")
        return AppCommand(app_dir, kind, target, argv, merged, interpreter, settings)
    command = config.get("app")
    if command is None:
        if not os.path.isfile(os.path.join(app_dir, "app.py")):
            raise VerifyError(f"{app_dir}: no cdk.json with an \"app\" command and no app.py", "no-app")
        return AppCommand(app_dir, "path", os.path.join(app_dir, "app.py"), [], merged, None, settings)
    kind, target, argv, interpreter = _parse_command(str(command), app_dir, cdk_json)
    return AppCommand(app_dir, kind, target, argv, merged, interpreter, settings)


# -- the interpreter ------------------------------------------------------------------------------
_PROBE = ("import importlib.util as u, sys\n"
          "s = u.find_spec('aws_cdk')\n"
          "if s is None: sys.exit(3)\n"
          "from importlib import metadata\n"
          "try: print(metadata.version('aws-cdk-lib'))\n"
          "except metadata.PackageNotFoundError: print('?')\n")


@lru_cache(maxsize=64)
def probe_python(python: str) -> str | None:
    """The aws-cdk-lib version ``python`` can import (without importing it: that would start node),
    None when it has none. Raises :class:`VerifyError` (``no-python``) when it cannot be run."""
    try:
        out = subprocess.run([python, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise VerifyError(f"cannot run Python interpreter {python}: {getattr(exc, 'strerror', None) or exc}",
                          "no-python") from None
    if out.returncode == 3:
        return None
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["exit status %d" % out.returncode])[-1]
        raise VerifyError(f"cannot run Python interpreter {python}: {last}", "no-python")
    return out.stdout.strip() or "?"


def _venv_python(folder: str) -> str | None:
    for name in (".venv", "venv"):
        for rel in (("bin", "python"), ("Scripts", "python.exe")):
            candidate = os.path.join(folder, name, *rel)
            if os.path.isfile(candidate):
                return candidate
    return None


def python_candidates(app: AppCommand, explicit: str | None = None) -> list[str]:
    """Interpreters to try, in order: ``explicit`` alone when given; else the interpreter path the app
    command names (``.venv/bin/python app.py``); ``.venv``/``venv`` in the app folder, then in the git
    work tree's top; the interpreter running remediator; the app command's interpreter on ``PATH``
    (``python3``: the one ``cdk synth`` would start in an activated environment)."""
    if explicit:
        if os.sep in explicit or os.path.exists(explicit):  # a path: from the working directory, not the app's
            explicit = os.path.abspath(os.path.expanduser(explicit))
        if os.path.isdir(explicit):  # a virtual environment
            for rel in (("bin", "python"), ("Scripts", "python.exe")):
                if os.path.isfile(os.path.join(explicit, *rel)):
                    return [os.path.join(explicit, *rel)]
        return [explicit]
    out: list[str] = []
    if app.interpreter and os.sep in app.interpreter:
        named = os.path.join(app.cwd, app.interpreter)
        if os.path.isfile(named):
            out.append(named)
    for folder in (app.cwd, git_toplevel(app.cwd)):
        venv = _venv_python(folder) if folder else None
        if venv:
            out.append(venv)
    out.append(sys.executable)
    on_path = shutil.which(os.path.basename(app.interpreter or "python3"))
    if on_path:
        out.append(on_path)
    seen: list[str] = []
    for python in out:
        if python not in seen:
            seen.append(python)
    return seen


def choose_python(app: AppCommand, explicit: str | None = None) -> tuple[str, str]:
    """``(interpreter, aws-cdk-lib version)``: the first of :func:`python_candidates` that has
    aws-cdk-lib. Raises :class:`VerifyError` ``no-aws-cdk-lib`` naming what was tried."""
    candidates = python_candidates(app, explicit)
    problems: list[str] = []
    for python in candidates:
        try:
            version = probe_python(python)
        except VerifyError as exc:
            if explicit:
                raise
            problems.append(str(exc))
            continue
        if version is not None:
            return python, version
    tried = ", ".join(candidates)
    hint = "install aws-cdk-lib for it" if explicit else "install aws-cdk-lib there, or choose an interpreter"
    raise VerifyError(f"no aws-cdk-lib for {tried} ({hint})", "no-aws-cdk-lib")

