"""Tests that guard a use: ``hasattr(x, "name")`` proves ``x.name`` exists where it holds.

Used by CDK104 (a member read only under ``if hasattr(x, "m"):`` is no unknown member) and by the
self-attribute flow analysis of CDK110 (``hasattr(self, "x")`` guards a read of ``self.x``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import libcst as cst

from remediator.analysis.context import literal_value

if TYPE_CHECKING:
    from remediator.analysis.context import FileContext


def hasattr_guards(test: cst.BaseExpression, is_receiver: Callable[[cst.BaseExpression], bool]
                   ) -> tuple[set[str], set[str]]:
    """Attribute names a test proves present on the receiver in its true branch (``hasattr(x,
    "m") and ...``) and in its false branch (``not hasattr(x, "m")``)."""
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "hasattr" \
            and len(test.args) == 2 and is_receiver(test.args[0].value):
        name = literal_value(test.args[1].value)
        return ({name}, set()) if isinstance(name, str) else (set(), set())
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        yes, no = hasattr_guards(test.expression, is_receiver)
        return no, yes
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return hasattr_guards(test.left, is_receiver)[0] | hasattr_guards(test.right, is_receiver)[0], set()
    return set(), set()


def guarded_by_hasattr(ctx: "FileContext", node: cst.Attribute) -> bool:
    """``x.m`` is read only where ``hasattr(x, "m")`` holds: in the body of ``if hasattr(x, "m"):``
    (or ``elif``), in the ``else`` of ``if not hasattr(x, "m"):``, after ``hasattr(x, "m") and``,
    or in ``... if hasattr(x, "m") else ...``."""
    code = cst.Module([]).code_for_node
    receiver = code(node.value)
    same = lambda e: code(e) == receiver  # noqa: E731
    attr = node.attr.value
    child: cst.CSTNode = node
    for parent in ctx.ancestors(node):
        if isinstance(parent, (cst.If, cst.IfExp)) and child is not parent.test:
            yes, no = hasattr_guards(parent.test, same)
            in_body = child is parent.body
            if attr in (yes if in_body else no):
                return True
        elif isinstance(parent, cst.BooleanOperation) and child is parent.right:
            yes, no = hasattr_guards(parent.left, same)
            if attr in (yes if isinstance(parent.operator, cst.And) else no):
                return True
        elif isinstance(parent, (cst.FunctionDef, cst.ClassDef)):
            return False
        child = parent
    return False


def attributes_set_by_file(ctx: FileContext) -> set[str] | None:
    """Attribute names the file sets on objects (``x.name = ...``, ``setattr(x, "name", ...)``):
    such a member exists where the file reads it, as under a ``hasattr`` guard. None when a
    ``setattr`` names its attribute other than by a literal (any name may be set)."""
    cached = getattr(ctx, "_attributes_set_by_file", False)
    if cached is not False:
        return cached
    names: set[str] | None = {n.attr.value for n in ctx.attributes if is_assign_target(ctx, n)}
    for call in ctx.calls:
        if isinstance(call.func, cst.Name) and call.func.value == "setattr" and len(call.args) >= 2:
            name = literal_value(call.args[1].value)
            if not isinstance(name, str):
                names = None
                break
            names.add(name)  # type: ignore[union-attr]
    setattr(ctx, "_attributes_set_by_file", names)
    return names


def is_assign_target(ctx: FileContext, node: cst.Attribute) -> bool:
    parent = ctx.parent(node)
    return (isinstance(parent, cst.AssignTarget) and parent.target is node) or (
        isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is node)
