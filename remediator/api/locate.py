"""Find the aws-cdk-lib jsii assembly to index, and cache built indexes per version."""

from __future__ import annotations

import glob
import importlib.util
import os
import subprocess
import tempfile
from dataclasses import dataclass

ASSEMBLY_GLOB = os.path.join("aws_cdk", "_jsii", "aws-cdk-lib@*.jsii.tgz")
CONSTRUCTS_GLOB = os.path.join("constructs", "_jsii", "constructs@*.jsii.tgz")


@dataclass(frozen=True)
class Assembly:
    """An installed aws-cdk-lib: its jsii assembly, the constructs assembly next to it, and how
    it was found (``"--cdk-python"``, ``"this interpreter"``, ``"project venv"``)."""

    tgz: str
    version: str
    found_by: str
    constructs_tgz: str | None = None


def _version_of(tgz: str) -> str:
    name = os.path.basename(tgz)  # aws-cdk-lib@2.275.0.jsii.tgz
    return name.split("@", 1)[1].removesuffix(".jsii.tgz")


def _in_site_packages(site: str, found_by: str) -> Assembly | None:
    hits = sorted(glob.glob(os.path.join(site, ASSEMBLY_GLOB)))
    if not hits:
        return None
    tgz = hits[-1]
    constructs = sorted(glob.glob(os.path.join(site, CONSTRUCTS_GLOB)))
    return Assembly(tgz, _version_of(tgz), found_by, constructs[-1] if constructs else None)


def _site_packages_of_venv(venv: str) -> list[str]:
    return sorted(glob.glob(os.path.join(venv, "lib", "python*", "site-packages"))
                  + glob.glob(os.path.join(venv, "Lib", "site-packages")), reverse=True)


def from_interpreter() -> Assembly | None:
    """aws-cdk-lib importable by the running interpreter (located without importing it: importing
    aws_cdk would start a node process)."""
    try:
        spec = importlib.util.find_spec("aws_cdk")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        found = _in_site_packages(os.path.dirname(location), "this interpreter")
        if found is not None:
            return found
    return None


def from_venv(directory: str, found_by: str = "project venv") -> Assembly | None:
    for site in _site_packages_of_venv(directory):
        found = _in_site_packages(site, found_by)
        if found is not None:
            return found
    return None


def from_project(project_root: str | None) -> Assembly | None:
    """``.venv`` or ``venv`` in the project root (where the app's ``cdk.json`` usually is)."""
    if not project_root:
        return None
    for name in (".venv", "venv"):
        venv = os.path.join(project_root, name)
        if os.path.isdir(venv):
            found = from_venv(venv)
            if found is not None:
                return found
    return None


def from_cdk_python(path: str) -> Assembly | None:
    """``cdk-python``: a Python interpreter, or a virtual environment / site-packages folder."""
    path = os.path.expanduser(path)
    if os.path.isdir(path):
        return _in_site_packages(path, "--cdk-python") or from_venv(path, "--cdk-python")
    if not os.path.exists(path):
        return None
    # an interpreter: first the venv it belongs to (bin/python -> ..), then ask it
    found = from_venv(os.path.dirname(os.path.dirname(os.path.abspath(path))), "--cdk-python")
    if found is not None:
        return found
    code = ("import importlib.util as u, os; s = u.find_spec('aws_cdk'); "
            "print(os.path.dirname(list(s.submodule_search_locations)[0]) if s else '')")
    try:
        out = subprocess.run([path, "-c", code], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    site = out.stdout.strip()
    return _in_site_packages(site, "--cdk-python") if site else None


def find_assembly(cdk_python: str | None, project_root: str | None) -> Assembly | None:
    """The aws-cdk-lib to index, in this order: the ``cdk-python`` setting when given; the
    interpreter running remediator; ``.venv``/``venv`` in the project root. None: none found."""
    if cdk_python:
        if not os.path.isabs(cdk_python) and project_root and os.path.exists(os.path.join(project_root, cdk_python)):
            cdk_python = os.path.join(project_root, cdk_python)  # relative to the project, like the config
        found = from_cdk_python(cdk_python)
        if found is not None:
            return found
    return from_interpreter() or from_project(project_root)


# -- cache ------------------------------------------------------------------------------------
def cache_dir() -> str:
    override = os.environ.get("REMEDIATOR_CACHE_DIR")
    if override:
        return override
    from platformdirs import user_cache_dir

    return user_cache_dir("remediator")


def cache_path(version: str, fmt: int, constructs_version: str | None = None) -> str:
    extra = f"+constructs-{constructs_version}" if constructs_version else ""
    return os.path.join(cache_dir(), f"api-aws-cdk-lib-{version}{extra}.v{fmt}.idx")


def write_atomic(path: str, data: bytes) -> None:
    """Write a cache file so that concurrent runs never see half a file."""
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".idx")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def constructs_version(tgz: str | None) -> str | None:
    if not tgz:
        return None
    return os.path.basename(tgz).split("@", 1)[1].removesuffix(".jsii.tgz")


__all__ = ["Assembly", "find_assembly", "cache_path", "write_atomic"]
