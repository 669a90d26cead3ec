"""Writing source files without losing anything.

Files are handled as bytes: libcst detects the encoding (PEP 263 cookie, UTF-8 BOM) and keeps
newline style and tabs, so the bytes outside the changed spans stay identical. Writes are atomic:
a temporary file in the same folder, with the original's permission bits, then ``os.replace``.

Guarantees of :func:`atomic_write`:

* the new bytes must parse (libcst) and compile (CPython) in the file's own encoding, else
  nothing is written (:class:`WriteError`);
* a file that changed on disk since it was read is not overwritten (:class:`WriteError`);
* SIGINT and SIGTERM that arrive while a file is being written are held back until the file is
  either replaced or untouched and the temporary file is gone, then delivered as usual; so an
  interrupted run leaves every file old or new and no temporary file behind. (SIGKILL cannot be
  caught: the file is still old or new, because ``os.replace`` is atomic, but a temporary file
  named ``.<name>.<random>.remediator-tmp`` may remain; it is never a ``.py`` file.)
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from typing import Iterator

from remediator.source.reading import ReadError, parse_and_compile, read_bytes

TEMP_SUFFIX = ".remediator-tmp"
_HELD_SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None)


class WriteError(Exception):
    pass


def check_source(data: bytes, path: str = "<file>") -> None:
    """Raise WriteError unless ``data`` parses with libcst and compiles with CPython."""
    try:
        parse_and_compile(data, path)
    except ReadError as exc:
        raise WriteError(f"new content does not compile ({exc}); not written") from None


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back SIGINT/SIGTERM for the duration of the block, then deliver them.

    Only the main thread can install handlers; elsewhere this does nothing (the ``finally``
    clean-up of :func:`atomic_write` still covers ``KeyboardInterrupt``).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, frame: object) -> None:
        received.append(signum)

    previous = {}
    try:
        for sig in _HELD_SIGNALS:
            previous[sig] = signal.signal(sig, hold)
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(received):
            signal.raise_signal(sig)  # the original handler acts now: KeyboardInterrupt, exit...


def atomic_write(path: str, data: bytes, expected: bytes | None = None, verify: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits.

    With ``expected``, refuse (WriteError) if the file's current content is not ``expected``.
    With ``verify``, refuse (WriteError) unless ``data`` parses and compiles as Python.
    """
    if verify:
        check_source(data, path)
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    with signals_held():
        _write(real, folder, data, expected)


def _write(real: str, folder: str, data: bytes, expected: bytes | None) -> None:
    try:
        st = os.stat(real)
        mode = stat.S_IMODE(st.st_mode)
    except FileNotFoundError:
        st = None
        mode = 0o666 & ~_umask()
    if expected is not None:
        _ensure_unchanged(real, expected)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if st is not None:
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        if expected is not None:  # once more, as close to the replace as possible
            _ensure_unchanged(real, expected)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def _ensure_unchanged(real: str, expected: bytes) -> None:
    try:
        current = read_bytes(real)
    except FileNotFoundError:
        raise WriteError("file was removed since it was read; not written") from None
    if current != expected:
        raise WriteError("file changed on disk since it was read; not overwritten")


def _fsync_folder(folder: str) -> None:
    """Make the rename durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Terminated(SystemExit):
    """Raised in the main thread on SIGTERM inside :func:`sigterm_as_exit` (exit status 143)."""


@contextlib.contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """Turn SIGTERM into an exception for the block, so clean-up code runs as for Ctrl-C."""
    sig = getattr(signal, "SIGTERM", None)
    if sig is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise Terminated(128 + signum)

    previous = signal.signal(sig, terminate)
    try:
        yield
    finally:
        signal.signal(sig, previous)
