"""Constructs that serve another one: a key for a secret, a dead-letter queue for a function.

A rule that must give a construct a companion first looks for a suitable one the code already
builds (:func:`built_before`), and only then adds a new one right before the construct's statement
(:func:`add_before`), with a construct id and a variable name that nothing in the file uses.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

import libcst as cst

from remediator.analysis.context import ConstructCall, FileContext
from remediator.analysis.edits import Edit, parse_statements

#: nodes that run their body more than once, or later: a construct added there would be built
#: once per run with the same id (synth fails), or not where the served construct is
_REPEATING = (cst.For, cst.While, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp, cst.Lambda)


def built_before(call: ConstructCall, qualnames: Sequence[str],
                 suitable: Callable[[ConstructCall], bool] = lambda c: True) -> list[ConstructCall]:
    """Constructs of the given types that are certainly built before ``call`` runs and can be named
    there: bound once to a plain name (or ``self.x``) by a statement of the same function, in a
    block that encloses ``call``'s statement, earlier in the file. Nearest first."""
    ctx = call.ctx
    stmt = call.statement
    fn = ctx.enclosing(call.node, cst.FunctionDef)
    if stmt is None or fn is None:
        return []
    enclosing = {id(b) for b in ctx.ancestors(call.node) if isinstance(b, (cst.IndentedBlock, cst.Module))}
    line = ctx.position(stmt)[0]
    found = []
    for other in ctx.calls_of(qualnames):
        name = other.binding
        other_stmt = other.statement
        if name is None or other_stmt is None or other.node is call.node:
            continue
        if ctx.enclosing(other.node, cst.FunctionDef) is not fn or id(ctx.parent(other_stmt)) not in enclosing:
            continue
        if ctx.position(other_stmt)[0] >= line:
            continue
        target = cst.parse_expression(name)
        values = ctx.assigned_values(target, call.node) if "." in name else \
            [a.value for a in ctx.assignments if a.target == name and a.scope is fn]
        if len(values) != 1 or values[0] is not other.node:
            continue  # bound more than once: which value it holds at `call` is not certain
        if "." not in name and name in ctx.scopes.locals_of(fn) and \
                any(b.kind.value != "assign" for b in ctx.scopes.in_scope(fn, name)):
            continue  # also a parameter, loop variable...
        if suitable(other):
            found.append(other)
    return sorted(found, key=lambda c: -ctx.position(c.node)[0])


def add_before(call: ConstructCall, name_base: str, id_base: str, template: str,
               scope: cst.BaseExpression | None = None) -> tuple[Edit, str] | None:
    """A new construct right before the statement that builds ``call``: ``template`` with
    ``{name}`` (a fresh variable name from ``name_base``), ``{scope}`` (``call``'s scope argument,
    ``self``) and ``{id}`` (a construct id no call of the file passes, from ``id_base``). None when
    the statement runs repeatedly (a loop, a comprehension), or the scope (``scope``, else ``call``'s
    first argument) is not a plain name."""
    ctx = call.ctx
    stmt = call.statement
    scope = scope if scope is not None else call.positional(0)
    if stmt is None or not isinstance(scope, cst.Name) or ctx.enclosing(call.node, *_REPEATING) is not None:
        return None
    name = ctx.fresh_name(name_base)
    construct_id = ctx.free_construct_id(id_base)
    text, imports = ctx.code(template.format(name=name, scope=scope.value, id=construct_id))
    new = parse_statements(text)
    # the blank lines above the statement now separate the new construct from what came before;
    # comments above it stay with it (they are about it)
    leading = list(getattr(stmt, "leading_lines", ()))
    blanks = 0
    while blanks < len(leading) and leading[blanks].comment is None:
        blanks += 1
    new[0] = new[0].with_changes(leading_lines=leading[:blanks])
    edit = Edit(stmt, before=new, imports=imports,
                replace=lambda n: n.with_changes(leading_lines=list(n.leading_lines)[blanks:]))
    return edit, name


def readable_base(call: ConstructCall, suffix: str) -> str:
    """A variable name for ``call``'s companion: ``processor_dlq`` for ``Function(self, "Processor")``
    and suffix ``dlq``, ``api_secret_key`` for ``Secret(self, "ApiSecret")`` and ``secret_key``."""
    words = call._readable_name()
    kind = "_".join(w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+",
                                                   call.class_name.removeprefix("Cfn")))
    stripped = words[: -len(kind)].rstrip("_") if words.endswith(kind) else words
    return f"{stripped}_{suffix}" if stripped else suffix
