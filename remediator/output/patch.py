"""Git-style unified diffs, made by libgit2's xdiff (pygit2) and summarised with unidiff."""

from __future__ import annotations

from dataclasses import dataclass

import pygit2
from unidiff import PatchSet


def make_patch(path: str, old: bytes | None, new: bytes, mode: int | None = None) -> bytes:
    """A ``git apply``-able patch turning ``old`` (None: a new file) into ``new`` at ``path``.

    ``path`` is relative to the repository root with ``/`` separators. ``mode`` (e.g. 0o100755)
    is written into the index line so that git does not warn about executable files.
    """
    patch = pygit2.Patch.create_from(old, new, old_as_path=path, new_as_path=path)
    data = patch.data
    if mode is not None and old is not None and mode != 0o100644:
        data = data.replace(b" 100644\n", b" %o\n" % mode, 1)
    return data


@dataclass
class FileStat:
    path: str
    added: int
    removed: int


def summarize(patch: bytes) -> list[FileStat]:
    """Lines added and removed per file of a patch."""
    if not patch:
        return []
    text = patch.decode("utf-8", errors="surrogateescape")
    return [FileStat(f.path, f.added, f.removed) for f in PatchSet(text)]
