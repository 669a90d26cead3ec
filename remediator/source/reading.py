"""From a file's bytes to a parsed tree, or a one-line reason why not.

Files are read as bytes and parsed by libcst, which keeps the encoding (PEP 263 cookie, BOM),
newline style and every other byte, so a file is written back byte-exact outside the changed
spans. Files that do not import aws_cdk, or that say ``# remediator: skip-file``, are skipped
without analysis.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import libcst as cst

#: files larger than this are not analysed (libcst needs minutes for several MB); a file that does
#: not mention aws_cdk is skipped silently, any other gets a one-line error
MAX_FILE_BYTES = 1_000_000

_SKIP_FILE = re.compile(r"#\s*remediator:\s*skip-file\b", re.IGNORECASE)
_CDK_IMPORT = re.compile(r"^\s*(?:from\s+aws_cdk[\s.]|import\s+aws_cdk\b|import\s+.*\baws_cdk\b)", re.MULTILINE)


class ReadError(Exception):
    """The file cannot be analysed: binary, too large, undecodable or not valid Python."""


@dataclass
class ParsedSource:
    module: cst.Module | None  #: None when the file is skipped
    text: str = ""  #: the text libcst parsed (its round trip is lossless)
    skipped: str | None = None  #: why the file is not analysed


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def imports_aws_cdk(text: str) -> bool:
    return _CDK_IMPORT.search(text) is not None


def parse_source(source: bytes) -> ParsedSource:
    """Parse a file's bytes; raise :class:`ReadError` with a one-line reason when it cannot be."""
    if b"\x00" in source:
        raise ReadError("binary file (contains NUL bytes)")
    if len(source) > MAX_FILE_BYTES:
        if b"aws_cdk" not in source:
            return ParsedSource(None, skipped="does not import aws_cdk")
        raise ReadError(f"file too large ({len(source) / 1e6:.1f} MB, the limit is {MAX_FILE_BYTES / 1e6:g} MB); skipped")
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        raise ReadError(_syntax_error_message(source, exc)) from None
    except (UnicodeDecodeError, LookupError, SyntaxError, ValueError) as exc:
        raise ReadError(f"cannot decode file: {str(exc).splitlines()[0]}") from None
    try:
        text = source.decode(module.encoding)
    except (UnicodeDecodeError, LookupError):  # pragma: no cover - libcst decoded it already
        text = module.code
    if not imports_aws_cdk(text):
        return ParsedSource(None, text, skipped="does not import aws_cdk")
    if _SKIP_FILE.search(text):
        return ParsedSource(None, text, skipped="remediator: skip-file")
    return ParsedSource(module, text)


def parse_and_compile(code: str | bytes, path: str = "<file>") -> cst.Module:
    """Parse code back with libcst and compile it with CPython; raise :class:`ReadError` (one line)
    if either fails. Every text remediator produces passes through here before it is kept."""
    try:
        module = cst.parse_module(code)
        with warnings.catch_warnings():  # SyntaxWarnings of the user's code are not ours to print
            warnings.simplefilter("ignore")
            compile(code, path, "exec", dont_inherit=True)
    except (cst.ParserSyntaxError, SyntaxError, ValueError, UnicodeDecodeError, LookupError) as exc:
        raise ReadError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    return module


def _syntax_error_message(source: bytes, exc: cst.ParserSyntaxError) -> str:
    """Python's own wording when it has one (``'(' was never closed``), else libcst's."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "<file>", "exec", dont_inherit=True)
    except SyntaxError as err:
        return f"syntax error at line {err.lineno}, column {err.offset or 1}: {err.msg}"
    except (ValueError, UnicodeDecodeError):
        pass
    return f"syntax error at line {exc.raw_line}, column {exc.raw_column + 1}: {exc.message.splitlines()[0]}"
