"""Comments and docstrings as stated intent, and removing the comments a fix makes stale.

Rules that respect what the code says about itself (``# dev only``, a docstring saying the stack
is a throw-away demo) read comments here; rules whose fix does what a comment asks for (``# change
to RETAIN for production``) remove that comment with :func:`drop_keyword_comments` or
:func:`drop_statement_comments`, so the code never contradicts itself after a fix.
"""

from __future__ import annotations

import io
import tokenize
import weakref
from typing import TYPE_CHECKING, Callable

import libcst as cst

if TYPE_CHECKING:
    from remediator.analysis.context import FileContext

_COMMENTS: "weakref.WeakKeyDictionary[FileContext, dict[int, str]]" = weakref.WeakKeyDictionary()


def comments_by_line(ctx: "FileContext") -> dict[int, str]:
    """line number -> the comment on that line (without ``#``), from Python's tokenizer."""
    found = _COMMENTS.get(ctx)
    if found is None:
        found = {}
        try:
            for tok in tokenize.generate_tokens(io.StringIO(ctx.source).readline):
                if tok.type == tokenize.COMMENT:
                    found[tok.start[0]] = tok.string.lstrip("#").strip()
        except (tokenize.TokenError, SyntaxError):  # pragma: no cover - libcst parsed the file
            pass
        _COMMENTS[ctx] = found
    return found


def comments_near(ctx: "FileContext", node: cst.CSTNode) -> list[str]:
    """The comments on the lines ``node`` spans and the block of comment lines right above it."""
    comments = comments_by_line(ctx)
    if not comments:
        return []
    start, end = ctx.position(node)[0], ctx.end_line(node)
    out = [comments[n] for n in range(start, end + 1) if n in comments]
    lines = ctx.source.splitlines()
    n = start - 1
    while n >= 1 and n in comments and lines[n - 1].lstrip().startswith("#"):
        out.append(comments[n])
        n -= 1
    return out


def docstrings_around(ctx: "FileContext", node: cst.CSTNode) -> list[str]:
    """The docstrings of the function and class ``node`` is in, and of the module."""
    out = []
    for scope in ctx.ancestors(node):
        if isinstance(scope, (cst.FunctionDef, cst.ClassDef)):
            doc = scope.get_docstring()
            if doc:
                out.append(doc)
    doc = ctx.module.get_docstring()
    if doc:
        out.append(doc)
    return out


def _without(ws: cst.BaseParenthesizableWhitespace, matches: Callable[[str], bool]) -> cst.BaseParenthesizableWhitespace:
    """A multi-line whitespace without the comment lines (and trailing comment) that match."""
    if not isinstance(ws, cst.ParenthesizedWhitespace):
        return ws
    lines = [line for line in ws.empty_lines if line.comment is None or not matches(line.comment.value.lstrip("#"))]
    first = ws.first_line
    if first.comment is not None and matches(first.comment.value.lstrip("#")):
        first = cst.TrailingWhitespace()
    return ws.with_changes(empty_lines=lines, first_line=first)


def drop_keyword_comments(call: cst.Call, keyword: str, matches: Callable[[str], bool]) -> cst.Call:
    """Remove, from a call laid out over several lines, the comments that match on the line of
    ``keyword=...`` and in the comment lines right above it."""
    args = list(call.args)
    i = next((k for k, a in enumerate(args) if a.keyword is not None and a.keyword.value == keyword), None)
    if i is None:
        return call
    arg = args[i]
    if isinstance(arg.comma, cst.Comma):
        arg = arg.with_changes(comma=arg.comma.with_changes(whitespace_after=_without(arg.comma.whitespace_after, matches)))
    else:
        arg = arg.with_changes(whitespace_after_arg=_without(arg.whitespace_after_arg, matches))
    args[i] = arg
    if i == 0:
        return call.with_changes(args=args, whitespace_before_args=_without(call.whitespace_before_args, matches))
    prev = args[i - 1]
    if isinstance(prev.comma, cst.Comma):
        args[i - 1] = prev.with_changes(comma=prev.comma.with_changes(
            whitespace_after=_without(prev.comma.whitespace_after, matches)))
    return call.with_changes(args=args)


def drop_statement_comments(stmt: cst.SimpleStatementLine, matches: Callable[[str], bool]) -> cst.SimpleStatementLine:
    """Remove the statement's trailing comment, and the comment lines right above it, that match."""
    trailing = stmt.trailing_whitespace
    if trailing.comment is not None and matches(trailing.comment.value.lstrip("#")):
        trailing = cst.TrailingWhitespace(newline=trailing.newline)
    leading = list(stmt.leading_lines)
    while leading and leading[-1].comment is not None and matches(leading[-1].comment.value.lstrip("#")):
        leading.pop()
    return stmt.with_changes(trailing_whitespace=trailing, leading_lines=leading)
