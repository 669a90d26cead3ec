"""Which files a run looks at: the given files and folders, recursively, minus ignored ones.

Honours ``.gitignore`` files (root and nested, via pathspec) and the configured ``exclude``
patterns, and always skips ``cdk.out``, virtual environments, ``node_modules``, ``.git`` and
``__pycache__``. Symlinks that lead outside the given roots are not followed. Explicitly named
files are always taken. Only ``.py`` files are candidates; whether a file imports ``aws_cdk`` is
decided by the engine after reading it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable

import pathspec

ALWAYS_SKIPPED = frozenset({"cdk.out", ".venv", "venv", "node_modules", ".git", "__pycache__", ".tox", ".nox",
                            ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist", ".eggs"})


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)  #: absolute paths, sorted, unique
    errors: list[tuple[str, str]] = field(default_factory=list)  #: (path as given, message)


def _gitignore_spec(folder: str) -> pathspec.PathSpec | None:
    path = os.path.join(folder, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return pathspec.GitIgnoreSpec.from_lines(fh.read().splitlines())
    except (FileNotFoundError, NotADirectoryError, PermissionError, IsADirectoryError):
        return None


def _within(path: str, roots: Iterable[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def discover(paths: Iterable[str], root: str, exclude: Iterable[str] = (), repo_root: str | None = None) -> Discovery:
    """Files to process under ``paths``; ``root`` is the folder ``exclude`` patterns are relative to.

    ``.gitignore`` files of the folders between ``repo_root`` (default ``root``) and a given folder
    apply too, as they do for git: ``remediator check app`` skips what ``/.gitignore`` ignores
    below ``app``. A folder or file named explicitly is always taken.
    """
    out = Discovery()
    seen: set[str] = set()
    exclude_spec = pathspec.GitIgnoreSpec.from_lines(list(exclude)) if exclude else None
    given = list(paths) or ["."]
    roots = [os.path.realpath(p) for p in given if os.path.exists(p)]

    def excluded(abspath: str, is_dir: bool) -> bool:
        if exclude_spec is None:
            return False
        rel = os.path.relpath(abspath, root).replace(os.sep, "/")
        if rel.startswith(".."):
            rel = os.path.basename(abspath)
        return exclude_spec.match_file(rel + ("/" if is_dir else ""))

    def add(abspath: str) -> None:
        if abspath not in seen:
            seen.add(abspath)
            out.files.append(abspath)

    for p in given:
        if not os.path.lexists(p):
            out.errors.append((p, "no such file or directory"))
            continue
        abspath = os.path.abspath(p)
        if os.path.isfile(p):
            add(abspath)
            continue
        if not os.path.isdir(p):
            out.errors.append((p, "not a regular file or directory"))
            continue
        top = os.path.realpath(abspath)
        _walk(top, roots, excluded, add, out, _ancestor_specs(top, repo_root or root))
    out.files.sort()
    return out


def _ancestor_specs(top: str, repo_root: str) -> list[tuple[str, pathspec.PathSpec]]:
    """The .gitignore files of the folders from ``repo_root`` down to ``top``'s parent."""
    top_real, base = os.path.realpath(top), os.path.realpath(repo_root)
    if not top_real.startswith(base.rstrip(os.sep) + os.sep):
        return []
    specs: list[tuple[str, pathspec.PathSpec]] = []
    folders = [base]
    for part in os.path.relpath(os.path.dirname(top_real), base).split(os.sep):
        if part not in ("", "."):
            folders.append(os.path.join(folders[-1], part))
    for folder in folders:
        spec = _gitignore_spec(folder)
        if spec is not None:
            specs.append((folder, spec))
    if specs and _ignored(top_real, True, specs):
        return []  # the folder itself was named although ignored: take it, as an explicit file is
    return specs


def _walk(top: str, roots: list[str], excluded, add, out: Discovery,
          inherited: list[tuple[str, pathspec.PathSpec]] | None = None) -> None:
    # (folder, [(base folder, spec)]) pairs: each .gitignore applies below its own folder
    stack: list[tuple[str, list[tuple[str, pathspec.PathSpec]]]] = [(top, list(inherited or []))]
    while stack:
        folder, specs = stack.pop()
        spec = _gitignore_spec(folder)
        if spec is not None:
            specs = [*specs, (folder, spec)]
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            out.errors.append((folder, f"cannot read folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            full = entry.path
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
                is_file = entry.is_file(follow_symlinks=True)
            except OSError:
                is_dir = is_file = False
            if entry.is_symlink():
                target = os.path.realpath(full)
                if not _within(target, roots):
                    if is_dir or full.endswith(".py"):
                        out.errors.append((full, "symlink leads outside the given paths; not followed"))
                    continue
                if is_dir:
                    continue  # inside the roots: its target is walked on its own
            if is_dir:
                if entry.name in ALWAYS_SKIPPED or _ignored(full, True, specs) or excluded(full, True):
                    continue
                stack.append((full, specs))
            elif is_file and entry.name.endswith(".py"):
                if _ignored(full, False, specs) or excluded(full, False):
                    continue
                add(full)


def _ignored(path: str, is_dir: bool, specs: list[tuple[str, pathspec.PathSpec]]) -> bool:
    for base, spec in specs:
        rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
        if spec.match_file(rel):
            return True
    return False
