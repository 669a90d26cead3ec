"""A version of an app to synthesize: the app's folder as it is on disk, plus an overlay of files
that differ (new bytes, or ``None`` for a file that is absent in that version).

A snapshot without an overlay runs in place (nothing is written there: the cloud assembly goes to a
temporary folder and ``PYTHONDONTWRITEBYTECODE`` is set). Otherwise the *copy root* is copied to a
temporary folder and the overlay is written into the copy; the user's files are never touched.
The copy root is the git work tree's top when the app is inside one (so an app that reads
``../common`` or imports a sibling package still finds it), else the app's folder. Virtual
environments, ``node_modules``, ``cdk.out``, ``.git`` and caches are not copied.
A change to a file outside the copy root cannot be applied (:class:`VerifyError` ``outside-app``),
except for files other than Python modules outside the app folder (a changelog at the repository
root): synthesis never reads them, and they are left out (:attr:`Snapshot.ignored`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from remediator.verify.app import VerifyError, git_toplevel

#: folders and files never copied (environments, build output, VCS, caches)
COPY_IGNORE = (".venv", "venv", ".env", "node_modules", "cdk.out", ".git", "__pycache__", "*.pyc", ".pytest_cache",
               ".mypy_cache", ".ruff_cache", ".hypothesis", ".tox", ".nox", "*.remediator-tmp")


def _inside(path: str, folder: str) -> bool:
    rel = os.path.relpath(path, folder)
    return not (rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel))


@dataclass
class Snapshot:
    app_dir: str  #: real path of the folder the app runs in (on disk)
    overlay: dict[str, bytes | None] = field(default_factory=dict)  #: real path -> bytes / None (absent)
    copy_root: str = ""
    ignored: list[str] = field(default_factory=list)  #: changes left out (non-Python, outside the app)

    @classmethod
    def of(cls, app_dir: str, overlay: Mapping[str, bytes | None] | None = None,
           copy_root: str | None = None) -> "Snapshot":
        app_dir = os.path.realpath(app_dir)
        root = os.path.realpath(copy_root) if copy_root else (git_toplevel(app_dir) or app_dir)
        if not _inside(app_dir, root):
            root = app_dir
        kept: dict[str, bytes | None] = {}
        ignored: list[str] = []
        for path, data in (overlay or {}).items():
            real = os.path.realpath(path)
            if _inside(real, app_dir) or (_inside(real, root) and real.endswith(".py")):
                kept[real] = data
            elif not real.endswith(".py"):
                ignored.append(real)
            else:
                raise VerifyError(f"{path}: changed file is outside {root}, the folder copied to synthesize "
                                  f"{app_dir}", "outside-app")
        return cls(app_dir, kept, root, sorted(ignored))

    def with_overlay(self, overlay: Mapping[str, bytes | None]) -> "Snapshot":
        return Snapshot(self.app_dir, dict(overlay), self.copy_root, list(self.ignored))

    @contextlib.contextmanager
    def materialize(self) -> Iterator[str]:
        """The folder to run the app in: ``app_dir`` itself, or the app's folder in a temporary copy."""
        if not self.overlay:
            yield self.app_dir
            return
        with tempfile.TemporaryDirectory(prefix="remediator-verify-") as tmp:
            dest = os.path.join(tmp, os.path.basename(self.copy_root) or "root")
            shutil.copytree(self.copy_root, dest, ignore=shutil.ignore_patterns(*COPY_IGNORE), symlinks=True)
            for path, data in self.overlay.items():
                target = os.path.join(dest, os.path.relpath(path, self.copy_root))
                if data is None:
                    if os.path.lexists(target):
                        os.unlink(target)
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                if os.path.islink(target):
                    os.unlink(target)  # write the new content, never through a link into the user's tree
                with open(target, "wb") as fh:
                    fh.write(data)
            yield os.path.join(dest, os.path.relpath(self.app_dir, self.copy_root))
