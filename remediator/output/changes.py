"""The plan of a run: every file it changes, with its old and new bytes.

``fix --diff`` prints the plan as one git-style patch; ``fix`` writes it, each file atomically.
Both come from the same list, so what the diff shows is what ``fix`` writes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

from remediator.output.files import WriteError, atomic_write
from remediator.output.patch import make_patch


@dataclass
class Change:
    path: str  #: absolute path
    shown: str  #: as in diff headers and reports (repository-relative with ``/``)
    old: bytes | None  #: None: the file is created
    new: bytes
    mode: int | None = None  #: git file mode (0o100755 for executables), None for a new file
    #: "stack" (a fixed file), "created" (a file a fix creates) or "changelog"
    kind: str = "stack"

    @property
    def source(self) -> bool:
        """Part of the app (a fixed stack or a created file), as opposed to a changelog."""
        return self.kind != "changelog"

    @property
    def python(self) -> bool:
        """New bytes that must parse and compile before they are written."""
        return self.source and self.path.endswith(".py")


def git_mode(path: str) -> int | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return 0o100755 if st.st_mode & 0o111 else 0o100644


def render_patch(changes: Sequence[Change]) -> bytes:
    """One ``git apply``-able patch of every change, in order."""
    return b"".join(make_patch(c.shown, c.old, c.new, c.mode if c.old is not None else None) for c in changes)


def write(change: Change) -> None:
    """Write one change atomically; raises ``WriteError``/``OSError`` and then leaves the file as it was.
    A created file gets its folders; an existing file is never overwritten by a creation."""
    if change.old is None and change.kind == "created":
        if os.path.lexists(change.path):
            raise WriteError("a file of that name exists already")
        os.makedirs(os.path.dirname(change.path), exist_ok=True)
    atomic_write(change.path, change.new, expected=change.old, verify=change.python)
