#!/usr/bin/env python3
"""Refresh the snapshot of AWS managed IAM policy names shipped in remediator/data/.

CDK205 (unknown-managed-policy) checks ``iam.ManagedPolicy.from_aws_managed_policy_name(NAME)``
against ``remediator/data/aws-managed-policies.txt``: one ``path/name`` per line, as that method
takes it (``service-role/AWSLambdaBasicExecutionRole``, ``AmazonS3ReadOnlyAccess``), under a
header that names the source and the snapshot's date.

The source is the PyPI package moto (``moto/iam/aws_managed_policies.py``), which moto's
maintainers regenerate from the IAM API (``ListPolicies`` with ``Scope=AWS``) for every release:
a public, versioned copy of the full list that pip can fetch. This script downloads the moto
wheel with pip (``--moto-version`` pins one; default: the newest), reads the list without running
moto's code, and rewrites the data file atomically. Without network access it stops with a
one-line error and leaves the file as it was; ``--from-file`` reads a moto wheel or its
``aws_managed_policies.py`` that you copied here yourself.

    python tools/refresh_managed_policies.py [--moto-version 5.2.5] [--from-file PATH] [--output PATH]

Exit status: 0 written, 2 on any error (nothing written).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "remediator", "data", "aws-managed-policies.txt")
MEMBER = "moto/iam/aws_managed_policies.py"
#: fewer names than this means the source is not the full list
MINIMUM = 500


class RefreshError(Exception):
    pass


def download(version: str | None, folder: str, pip_args: list[str]) -> str:
    """The moto wheel, downloaded from the package index by pip into ``folder``."""
    spec = f"moto=={version}" if version else "moto"
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
           "-q", "-d", folder, *pip_args, spec]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wheels = [f for f in os.listdir(folder) if f.startswith("moto-") and f.endswith(".whl")]
    if proc.returncode != 0 or not wheels:
        last = (proc.stderr.strip().splitlines() or ["no wheel downloaded"])[-1]
        raise RefreshError(f"cannot download {spec} with pip (no network access?): {last}; run again with network "
                           "access, or pass --from-file with a moto wheel")
    return os.path.join(folder, wheels[0])


def read_source(path: str) -> tuple[str, str]:
    """The text of moto's ``aws_managed_policies.py`` and a description of where it came from."""
    try:
        if path.endswith(".whl"):
            with zipfile.ZipFile(path) as wheel:
                text = wheel.read(MEMBER).decode("utf-8")
            m = re.match(r"moto-([^-]+)-", os.path.basename(path))
            return text, f"moto {m.group(1) if m else '(unknown version)'} from PyPI"
        with open(path, encoding="utf-8") as fh:
            return fh.read(), f"{os.path.basename(path)} (moto's list, copied by hand)"
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise RefreshError(f"cannot read {path}: {exc}") from None


def policy_names(source: str) -> tuple[list[str], str]:
    """``path/name`` of every policy in moto's module, sorted, and the newest update date."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise RefreshError(f"the source is not Python: {exc}") from None
    data = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "aws_managed_policies_data"
                                                for t in node.targets):
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                data = node.value.value
    if data is None:
        raise RefreshError("the source has no aws_managed_policies_data string (has moto changed its layout?)")
    try:
        policies = json.loads(data)
    except ValueError as exc:
        raise RefreshError(f"aws_managed_policies_data is not JSON: {exc}") from None
    names, dates = [], []
    for name, info in policies.items():
        path = str(info.get("Path", "/")).strip("/")
        names.append(f"{path}/{name}" if path else name)
        dates.append(str(info.get("UpdateDate") or info.get("CreateDate") or "")[:10])
    if len(names) < MINIMUM:
        raise RefreshError(f"only {len(names)} policies in the source: not the full list, nothing written")
    return sorted(names, key=str.lower), max(dates)


def render(names: list[str], origin: str, snapshot: str) -> str:
    header = [
        "# AWS managed IAM policy names (aws partition), as iam.ManagedPolicy.from_aws_managed_policy_name()",
        "# takes them: the path and name after arn:aws:iam::aws:policy/, one per line.",
        f"# source: {origin}, file {MEMBER} (moto regenerates it from IAM ListPolicies, Scope=AWS)",
        f"# snapshot: {snapshot} (the newest policy update in the source)",
        f"# count: {len(names)}",
        "# refresh: python tools/refresh_managed_policies.py",
    ]
    return "\n".join(header + names) + "\n"


def write_atomically(path: str, text: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".managed-policies.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moto-version", help="moto release to read (default: the newest on the index)")
    parser.add_argument("--from-file", help="a moto wheel or its moto/iam/aws_managed_policies.py (no download)")
    parser.add_argument("--output", default=OUTPUT, help="file to write (default: the package data file)")
    parser.add_argument("--pip-arg", action="append", default=[], help="extra argument for pip download (repeatable)")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = args.from_file or download(args.moto_version, tmp, args.pip_arg)
            source, origin = read_source(path)
        names, snapshot = policy_names(source)
        write_atomically(args.output, render(names, origin, snapshot))
    except RefreshError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.output}: {len(names)} AWS managed policies, snapshot {snapshot} ({origin})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
