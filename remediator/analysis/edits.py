"""Node-level editing helpers shared by every rule: keyword arguments and statements.

All functions are pure: they take a libcst node (as already updated by other edits) and return a
new one. They keep the call's layout: a one-line call stays on one line, a call with one argument
per line gets the new argument on its own line with the same indentation and trailing-comma style,
and comments stay with the argument they followed. Keywords are rendered ``name=value``.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

NO_SPACE = cst.SimpleWhitespace("")


def parse_expr(code: str | cst.BaseExpression) -> cst.BaseExpression:
    return cst.parse_expression(code) if isinstance(code, str) else code


def parse_statements(code: str) -> list[cst.BaseStatement]:
    """Statements from source text (dedented); indentation is set by the block they land in."""
    import textwrap

    module = cst.parse_module(textwrap.dedent(code).strip("\n") + "\n")
    return list(module.body)


def keyword_index(call: cst.Call, name: str) -> int | None:
    for i, arg in enumerate(call.args):
        if arg.keyword is not None and arg.keyword.value == name:
            return i
    return None


def get_keyword(call: cst.Call, name: str) -> cst.Arg | None:
    i = keyword_index(call, name)
    return None if i is None else call.args[i]


def _without_comment(ws: cst.BaseParenthesizableWhitespace) -> cst.BaseParenthesizableWhitespace:
    if isinstance(ws, cst.ParenthesizedWhitespace):
        return ws.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=[])
    return ws


def _ending(arg: cst.Arg) -> cst.BaseParenthesizableWhitespace:
    """The whitespace that follows an argument (after its comma, if it has one)."""
    if isinstance(arg.comma, cst.Comma):
        return arg.comma.whitespace_after
    return arg.whitespace_after_arg


def _separator(call: cst.Call) -> cst.BaseParenthesizableWhitespace:
    """The whitespace used between arguments in this call (multi-line if the call is)."""
    args = call.args
    if len(args) >= 2 and isinstance(args[-2].comma, cst.Comma):
        return _without_comment(args[-2].comma.whitespace_after)
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return _without_comment(call.whitespace_before_args)
    return cst.SimpleWhitespace(" ")


def make_arg(name: str, value: str | cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        keyword=cst.Name(name),
        value=parse_expr(value),
        equal=cst.AssignEqual(whitespace_before=NO_SPACE, whitespace_after=NO_SPACE),
    )


def append_arg(call: cst.Call, new: cst.Arg) -> cst.Call:
    """Append ``new`` after the last argument, keeping the call's layout."""
    args = list(call.args)
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    if last.star == "**" or (last.star == "*" and new.keyword is None):
        pass  # appending after **kwargs is still valid for keywords; keep order simple
    sep = _separator(call)
    end = _ending(last)
    trailing_comma = isinstance(last.comma, cst.Comma)
    if isinstance(sep, cst.ParenthesizedWhitespace):
        # keep the comment that followed the old last argument on its own line
        first_line = end.first_line if isinstance(end, cst.ParenthesizedWhitespace) else cst.TrailingWhitespace()
        between = sep.with_changes(first_line=first_line, empty_lines=[])
    else:
        between = sep
    old_comma = last.comma if isinstance(last.comma, cst.Comma) else cst.Comma()
    args[-1] = last.with_changes(comma=old_comma.with_changes(whitespace_after=between), whitespace_after_arg=NO_SPACE
                                 if not trailing_comma else last.whitespace_after_arg)
    tail = _without_comment(end)
    if trailing_comma:
        new = new.with_changes(comma=cst.Comma(whitespace_after=tail))
    else:
        new = new.with_changes(comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=tail)
    args.append(new)
    return call.with_changes(args=args)


def set_keyword(call: cst.Call, name: str, value: str | cst.BaseExpression) -> cst.Call:
    """Set ``name=value``: replace the value if the keyword is present, else append it."""
    i = keyword_index(call, name)
    if i is not None:
        args = list(call.args)
        args[i] = args[i].with_changes(value=parse_expr(value))
        return call.with_changes(args=args)
    return append_arg(call, make_arg(name, value))


def rename_keyword(call: cst.Call, old: str, new: str) -> cst.Call:
    i = keyword_index(call, old)
    if i is None:
        return call
    args = list(call.args)
    args[i] = args[i].with_changes(keyword=cst.Name(new))
    return call.with_changes(args=args)


def remove_keyword(call: cst.Call, name: str) -> cst.Call:
    """Remove ``name=...``; the previous argument takes over the removed one's ending."""
    i = keyword_index(call, name)
    if i is None:
        return call
    args = list(call.args)
    removed = args.pop(i)
    if i == len(args) and args:  # removed the last argument
        prev = args[-1]
        end = _ending(removed)
        if isinstance(removed.comma, cst.Comma):
            prev_first = _ending(prev)
            if isinstance(prev_first, cst.ParenthesizedWhitespace) and isinstance(end, cst.ParenthesizedWhitespace):
                end = end.with_changes(first_line=prev_first.first_line)
            comma = prev.comma if isinstance(prev.comma, cst.Comma) else cst.Comma()
            args[-1] = prev.with_changes(comma=comma.with_changes(whitespace_after=end))
        else:
            # the comment after the previous argument's comma stays with it; the removed one's goes
            prev_first = _ending(prev)
            if isinstance(prev_first, cst.ParenthesizedWhitespace) and isinstance(end, cst.ParenthesizedWhitespace):
                end = end.with_changes(first_line=prev_first.first_line)
            args[-1] = prev.with_changes(comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=end)
    elif not args:
        return call.with_changes(args=[])
    return call.with_changes(args=args)


def set_positional(call: cst.Call, index: int, value: str | cst.BaseExpression) -> cst.Call:
    args = list(call.args)
    args[index] = args[index].with_changes(value=parse_expr(value))
    return call.with_changes(args=args)


def dict_remove_key(d: cst.Dict, key: str) -> cst.Dict:
    """Remove the entry with string key ``key`` from a dict display, keeping its layout."""
    elements = list(d.elements)
    for i, el in enumerate(elements):
        if isinstance(el, cst.DictElement) and isinstance(el.key, cst.SimpleString) and el.key.evaluated_value == key:
            removed = elements.pop(i)
            if i == len(elements) and elements:
                prev = elements[-1]
                if isinstance(removed.comma, cst.Comma):
                    elements[-1] = prev.with_changes(comma=removed.comma)
                else:
                    elements[-1] = prev.with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return d.with_changes(elements=elements)
    return d


def statement_lines(code: str | Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
    return parse_statements(code) if isinstance(code, str) else list(code)


def explode_call(call: cst.Call, indent: str) -> cst.Call:
    """Lay a call out one argument per line with a trailing comma (black's style).

    ``indent`` is one level of the file's indentation; arguments land one level deeper than the
    block holding the statement, and the closing parenthesis at the block's level.
    """
    if not call.args:
        return call

    def line(extra: str) -> cst.ParenthesizedWhitespace:
        return cst.ParenthesizedWhitespace(first_line=cst.TrailingWhitespace(), empty_lines=[], indent=True,
                                           last_line=cst.SimpleWhitespace(extra))

    args = []
    for i, arg in enumerate(call.args):
        last = i == len(call.args) - 1
        ending = line("" if last else indent)
        args.append(arg.with_changes(comma=cst.Comma(whitespace_after=ending), whitespace_after_arg=NO_SPACE))
    return call.with_changes(whitespace_before_args=line(indent), args=args)
