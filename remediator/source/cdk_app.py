"""The CDK app a file belongs to: the nearest ``cdk.json`` above it, its ``app`` command, and the
context it sets (``cdk.json``'s ``context`` and the ``cdk.context.json`` beside it).

Rules read it as ``ctx.app`` (a context key the app sets is no missing default; a feature flag in
``cdk.json`` is reported; an asset path is checked against the app's folder; an alpha package the
project declares or installs is its choice); verification runs the ``app`` command. Reading
happens here, once per folder, not in the rules.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable


@dataclass(frozen=True)
class CdkApp:
    folder: str | None = None  #: the folder of ``cdk.json`` (None: no app found)
    command: str | None = None  #: ``cdk.json``'s ``app``
    #: context keys and values from ``cdk.json`` (``context``) and ``cdk.context.json``
    context: dict[str, Any] = field(default_factory=dict)
    #: context keys set in ``cdk.json`` itself (``cdk.context.json`` holds cached lookups)
    cdk_json_keys: frozenset[str] = frozenset()

    def sets(self, key: str) -> bool:
        return key in self.context

    def path(self, relative: str) -> str | None:
        """An app-relative path made absolute (None without an app)."""
        return None if self.folder is None else os.path.normpath(os.path.join(self.folder, relative))

    def exists(self, relative: str) -> bool | None:
        """Whether an app-relative path (a file or a folder) exists; None without an app."""
        return None if self.folder is None else path_exists(self.folder, relative)


NO_APP = CdkApp()


def path_exists(folder: str, relative: str) -> bool:
    """Whether ``relative`` (a file or folder; an absolute path is taken as is) exists from ``folder``.
    The one place rules learn about files beside the code (asset paths, CDK207)."""
    return os.path.exists(os.path.join(folder, relative))


def _read_json(path: str) -> dict[str, Any] | None:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@lru_cache(maxsize=256)
def _app_in(folder: str) -> CdkApp:
    """The app whose ``cdk.json`` is in ``folder`` or the nearest folder above it."""
    current = folder
    while True:
        cdk_json = os.path.join(current, "cdk.json")
        if os.path.isfile(cdk_json):
            data = _read_json(cdk_json) or {}
            own = data.get("context") if isinstance(data.get("context"), dict) else {}
            context = dict(_read_json(os.path.join(current, "cdk.context.json")) or {})
            context.update(own)
            command = data.get("app") if isinstance(data.get("app"), str) else None
            return CdkApp(current, command, context, frozenset(own))
        parent = os.path.dirname(current)
        if parent == current:
            return NO_APP
        current = parent


def find_app(path: str) -> CdkApp:
    """The CDK app of a file (or folder)."""
    real = os.path.realpath(path)
    return _app_in(real if os.path.isdir(real) else os.path.dirname(real))


def app_from(cdk_json: dict[str, Any], folder: str | None = None,
             context_json: dict[str, Any] | None = None) -> CdkApp:
    """An app from already-read ``cdk.json`` data (tests and golden cases)."""
    own = cdk_json.get("context") if isinstance(cdk_json.get("context"), dict) else {}
    context = dict(context_json or {})
    context.update(own)
    return CdkApp(folder, cdk_json.get("app"), context, frozenset(own))


# -- tags the app's entry file applies ------------------------------------------------------------
#: what :func:`app_tag_keys` returns when the entry file applies tags whose keys it cannot read
SOME_TAGS = "*"


def app_tag_keys(app: CdkApp) -> frozenset[str]:
    """Tag keys (lower case) that the app's entry file (the ``.py`` file of ``cdk.json``'s ``app``
    command, e.g. ``app.py``) applies: ``Tags.of(x).add("Key", ...)``, ``Tag("Key", ...)``,
    ``tags={"Key": ...}`` passed to any call (a stack). :data:`SOME_TAGS` is among them when a key
    is not a literal. Empty without an app or entry file."""
    if app.folder is None or not app.command:
        return frozenset()
    scripts = [w for w in app.command.split() if w.endswith(".py")]
    return _tag_keys_in(os.path.join(app.folder, scripts[0])) if scripts else frozenset()


@lru_cache(maxsize=64)
def _tag_keys_in(path: str) -> frozenset[str]:
    import ast

    try:
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read())
    except (OSError, ValueError, SyntaxError):
        return frozenset()
    keys: set[str] = set()

    def key(node: ast.expr | None) -> None:
        keys.add(node.value.lower() if isinstance(node, ast.Constant) and isinstance(node.value, str) else SOME_TAGS)

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        keyword = {k.arg: k.value for k in node.keywords}
        if name == "add" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call) \
                and isinstance(func.value.func, ast.Attribute) and func.value.func.attr == "of" \
                and getattr(func.value.func.value, "id", getattr(func.value.func.value, "attr", "")) == "Tags":
            key(node.args[0] if node.args else keyword.get("key"))
        elif name == "Tag":
            key(node.args[0] if node.args else keyword.get("key"))
        if "tags" in keyword:
            tags = keyword["tags"]
            if isinstance(tags, ast.Dict):
                for k in tags.keys:
                    key(k)
            else:
                keys.add(SOME_TAGS)
    return frozenset(keys)


#: files where a project declares its Python dependencies
DEPENDENCY_FILES = ("requirements.txt", "requirements-dev.txt", "pyproject.toml", "setup.py", "setup.cfg", "Pipfile")


def _normalized(name: str) -> str:
    """A package name as pip compares them: runs of ``-``, ``_`` and ``.`` as one ``-``, lower case."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declares(folders: Iterable[str | None], package: str) -> bool:
    """Does a dependency file (:data:`DEPENDENCY_FILES`) in one of ``folders`` name ``package``?"""
    wanted = _normalized(package)
    return any(wanted in _dependencies_in(f) for f in {f for f in folders if f})


@lru_cache(maxsize=256)
def _dependencies_in(folder: str) -> str:
    texts = []
    for name in DEPENDENCY_FILES:
        try:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
                texts.append(fh.read())
        except OSError:
            continue
    return _normalized("\n".join(texts))


@lru_cache(maxsize=64)
def installed(site_packages: str, module: str) -> bool:
    """Is ``module`` (``aws_cdk.aws_apigatewayv2_alpha``) a package in ``site_packages``?"""
    return os.path.isdir(os.path.join(site_packages, *module.split(".")))
