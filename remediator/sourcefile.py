"""Reading and writing source files without losing anything.

Files are handled as bytes: libcst detects the encoding (PEP 263 cookie, UTF-8 BOM) and keeps
newline style and tabs, so the bytes outside the changed spans stay identical. Writes are atomic:
a temporary file in the same folder, with the original's permission bits, then ``os.replace``.
A file is not overwritten if it changed on disk since it was read.
"""

from __future__ import annotations

import os
import stat
import tempfile


class WriteError(Exception):
    pass


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def atomic_write(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits.

    With ``expected``, refuse (WriteError) if the file's current content is not ``expected``.
    """
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    try:
        st = os.stat(real)
        mode = stat.S_IMODE(st.st_mode)
    except FileNotFoundError:
        st = None
        mode = 0o666 & ~_umask()
    if expected is not None:
        try:
            current = read_bytes(real)
        except FileNotFoundError:
            current = None
        if current != expected:
            raise WriteError("file changed on disk since it was read; not overwritten")
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=".remediator-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if st is not None:
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except (PermissionError, OSError):
                pass
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
