"""Edits: what a rule's fix is made of, how edits are built, and how the engine applies them.

An :class:`Edit` changes one node of the current tree; a :class:`Fix` is the edits that repair one
finding, applied all together or not at all. Rules build edits with the :class:`Edit`
constructors (``Edit.set_keyword(call, "enable_key_rotation", "True")``, ``Edit.remove(stmt)``,
``Edit.insert_after(stmt, statements)``...) or, with a code template, through
:class:`~remediator.analysis.context.ConstructCall` and
:class:`~remediator.analysis.context.FileContext`, which expand backtick references into the
file's own spelling and name the imports the code needs.

How edits compose (see docs/ARCHITECTURE.md): edits are keyed by their target node. While the tree
is rebuilt bottom-up, the edits of a node receive the node *as already updated* by the edits on its
children and by earlier edits on the same node, so nested edits and several edits of one call (two
rules adding different keywords) all land in one pass. An edit whose target is no longer in the
tree, or that raises, is deferred to the next pass with the rest of its fix — never dropped
silently.

The node helpers (:func:`set_keyword`, :func:`remove_keyword`, :func:`append_arg`...) are pure:
they take a libcst node and return a new one, keeping the call's layout: a one-line call stays on
one line, a call with one argument per line gets the new argument on its own line with the same
indentation and trailing-comma style, comments stay with the argument they followed, and keywords
are written ``name=value``.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

import libcst as cst
import libcst.matchers as m

if TYPE_CHECKING:
    from remediator.analysis.rule import Tier

NO_SPACE = cst.SimpleWhitespace("")

Replacement = Callable[[cst.CSTNode], "cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[Any]"]


class EditError(Exception):
    """An edit that cannot be applied where it was aimed (e.g. statements next to an expression)."""


# --------------------------------------------------------------------------------------------
# What a fix is made of


@dataclass(eq=False)
class Edit:
    """One change to one node of the current tree.

    ``replace`` receives the node as already updated by edits on its children (and by earlier
    edits on the same node). ``before``/``after`` insert statements next to a statement node.
    ``imports`` are import statements (source text) the edit's code relies on; the engine adds
    those the file lacks after its leading imports. ``files`` are new files the edit's code relies
    on (``lambda/handler/index.py`` for code moved out of the stack).
    """

    target: cst.CSTNode
    replace: Replacement | None = None
    before: Sequence[cst.BaseStatement] = ()
    after: Sequence[cst.BaseStatement] = ()
    imports: Sequence[str] = ()
    #: new files the code relies on: path relative to the fixed file's folder (``/`` separators)
    #: -> content; written (and shown in the diff) with the file, never over an existing file
    files: Mapping[str, str] = field(default_factory=dict)

    # -- constructors (every rule builds its edits with these) -------------------------------
    @classmethod
    def replace_with(cls, node: cst.CSTNode, new: cst.BaseExpression | str, imports: Sequence[str] = ()) -> "Edit":
        """Replace an expression, keeping the parentheses written around the old one."""
        expr = parse_expr(new) if isinstance(new, str) else new

        def replace(n: cst.CSTNode) -> cst.CSTNode:
            if hasattr(expr, "lpar"):
                return expr.with_changes(lpar=getattr(n, "lpar", ()), rpar=getattr(n, "rpar", ()))
            return expr

        return cls(node, replace=replace, imports=imports)

    @classmethod
    def remove(cls, node: cst.CSTNode) -> "Edit":
        """Remove a statement (or an element a libcst sequence may drop: an argument, a dict entry...)."""
        return cls(node, replace=lambda n: cst.RemovalSentinel.REMOVE)

    @classmethod
    def insert_after(cls, statement: cst.BaseStatement, statements: Sequence[cst.BaseStatement] | str,
                     imports: Sequence[str] = ()) -> "Edit":
        new = parse_statements(statements) if isinstance(statements, str) else list(statements)
        return cls(statement, after=new, imports=imports)

    @classmethod
    def add_imports(cls, node: cst.CSTNode, imports: Sequence[str]) -> "Edit":
        """Only add imports (the code that needs them is already there)."""
        return cls(node, imports=imports)

    @classmethod
    def set_keyword(cls, call: cst.Call, name: str, value: cst.BaseExpression | str,
                    imports: Sequence[str] = ()) -> "Edit":
        """``name=value`` on a call: the value replaced if the keyword is there, else appended."""
        expr = parse_expr(value)
        return cls(call, replace=lambda n: set_keyword(_call(n), name, expr), imports=imports)

    @classmethod
    def remove_keyword(cls, call: cst.Call, name: str) -> "Edit":
        return cls(call, replace=lambda n: remove_keyword(_call(n), name))

    @classmethod
    def rename_keyword(cls, call: cst.Call, old: str, new: str) -> "Edit":
        return cls(call, replace=lambda n: rename_keyword(_call(n), old, new))

    @classmethod
    def drop_import_name(cls, stmt: cst.Import | cst.ImportFrom, alias: cst.ImportAlias,
                         new_import: str | None = None) -> "Edit":
        """Remove one name from an import statement (the statement itself when it was the only
        one), putting ``new_import`` in its place when given."""
        key = (alias.evaluated_name, alias.evaluated_alias)

        def replace(node: cst.CSTNode) -> cst.CSTNode | cst.RemovalSentinel:
            if not isinstance(node, (cst.Import, cst.ImportFrom)) or isinstance(node.names, cst.ImportStar):
                raise EditError("expected an import statement")
            names = list(node.names)
            index = next(i for i, a in enumerate(names) if (a.evaluated_name, a.evaluated_alias) == key)
            if len(names) == 1:
                if new_import is None:
                    return cst.RemovalSentinel.REMOVE
                line = cst.parse_statement(new_import + "\n")
                return line.body[0]  # type: ignore[attr-defined]
            kept = [a for i, a in enumerate(names) if i != index]
            if index == len(names) - 1:  # the new last name takes over the trailing comma (or none)
                kept[-1] = kept[-1].with_changes(comma=names[index].comma)
            return node.with_changes(names=kept)

        several = not isinstance(stmt.names, cst.ImportStar) and len(stmt.names) > 1
        return cls(stmt, replace=replace, imports=[new_import] if new_import and several else [])

    @classmethod
    def rename_attribute(cls, node: cst.Attribute, new: str) -> "Edit":
        """``x.old`` -> ``x.new`` (the receiver as written, even if other edits changed it)."""
        return cls(node, replace=lambda n: n.with_changes(attr=cst.Name(new)))


@dataclass(eq=False)
class Fix:
    """The edits that repair one finding; applied all together or not at all."""

    edits: list[Edit]
    #: overrides the rule's tier for this fix (e.g. a rule that is safe only when unambiguous)
    tier: "Tier | None" = None

    @property
    def imports(self) -> list[str]:
        return [imp for edit in self.edits for imp in edit.imports]

    @property
    def files(self) -> dict[str, str]:
        return {path: text for edit in self.edits for path, text in edit.files.items()}


def _call(node: cst.CSTNode) -> cst.Call:
    if not isinstance(node, cst.Call):
        raise EditError(f"expected a call, found {type(node).__name__}")
    return node


# --------------------------------------------------------------------------------------------
# Node helpers: pure functions from a node to a new node


def parse_expr(code: str | cst.BaseExpression) -> cst.BaseExpression:
    return cst.parse_expression(code) if isinstance(code, str) else code


def parse_statements(code: str) -> list[cst.BaseStatement]:
    """Statements from source text (dedented); indentation is set by the block they land in."""
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
        prev_first = _ending(prev)
        if isinstance(prev_first, cst.ParenthesizedWhitespace) and isinstance(end, cst.ParenthesizedWhitespace):
            # the comment after the previous argument's comma stays with it; the removed one's goes
            end = end.with_changes(first_line=prev_first.first_line)
        if isinstance(removed.comma, cst.Comma):
            comma = prev.comma if isinstance(prev.comma, cst.Comma) else cst.Comma()
            args[-1] = prev.with_changes(comma=comma.with_changes(whitespace_after=end))
        else:
            args[-1] = prev.with_changes(comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=end)
    elif not args:
        return call.with_changes(args=[])
    return call.with_changes(args=args)


def dict_remove_key(d: cst.Dict, key: str) -> cst.Dict:
    """Remove the entry with string key ``key`` from a dict display, keeping its layout."""
    elements = list(d.elements)
    for i, el in enumerate(elements):
        if isinstance(el, cst.DictElement) and isinstance(el.key, cst.SimpleString) and el.key.evaluated_value == key:
            removed = elements.pop(i)
            if i == len(elements) and elements:
                prev = elements[-1]
                comma = removed.comma if isinstance(removed.comma, cst.Comma) else cst.MaybeSentinel.DEFAULT
                elements[-1] = prev.with_changes(comma=comma)
            return d.with_changes(elements=elements)
    return d


_EMPTY = cst.Module(body=[])


def _code(node: cst.CSTNode) -> str:
    return _EMPTY.code_for_node(node)


def _new_line(extra: str) -> cst.ParenthesizedWhitespace:
    return cst.ParenthesizedWhitespace(first_line=cst.TrailingWhitespace(), empty_lines=[], indent=True,
                                       last_line=cst.SimpleWhitespace(extra))


def hug_call(call: cst.Call, indent: str) -> cst.Call | None:
    """Lay a call's arguments out together on one line of their own (black's first choice), or
    None when an argument spans several lines."""
    if not call.args or any("\n" in _code(arg.value) for arg in call.args):
        return None
    args = []
    for i, arg in enumerate(call.args):
        if i == len(call.args) - 1:
            args.append(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=_new_line("")))
        else:
            args.append(arg.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
                                         whitespace_after_arg=NO_SPACE))
    return call.with_changes(whitespace_before_args=_new_line(indent), args=args)


def explode_call(call: cst.Call, indent: str, base: str = "") -> cst.Call:
    """Lay a call out one argument per line with a trailing comma (black's style).

    ``indent`` is one level of the file's indentation; arguments land one level deeper than the
    block holding the statement, and the closing parenthesis at the block's level. ``base`` is
    where the call's own line starts, relative to the block (a call nested in an argument line).
    """
    if not call.args:
        return call

    def line(extra: str) -> cst.ParenthesizedWhitespace:
        return _new_line(base + extra)

    args = []
    for i, arg in enumerate(call.args):
        last = i == len(call.args) - 1
        ending = line("" if last else indent)
        args.append(arg.with_changes(comma=cst.Comma(whitespace_after=ending), whitespace_after_arg=NO_SPACE))
    return call.with_changes(whitespace_before_args=line(indent), args=args)


def _has_comment(node: cst.CSTNode) -> bool:
    return bool(m.findall(node, m.Comment()))


# --------------------------------------------------------------------------------------------
# Applying edits


class _Applier(cst.CSTTransformer):
    """Applies edits by target node; edits on the same node, or nested ones, compose."""

    def __init__(self, edits: Iterable[Edit], line_length: int | None = None, indent: str = "    ",
                 parent: Callable[[cst.CSTNode], cst.CSTNode | None] | None = None) -> None:
        super().__init__()
        self.by_target: dict[cst.CSTNode, list[Edit]] = defaultdict(list)
        for edit in edits:
            self.by_target[edit.target].append(edit)
        #: with the tree's parents: the nodes above a target; every other subtree is left as it
        #: is, unvisited (a transformer rebuilds each node it visits: most of a fix's cost)
        self._on_path = _ancestors(self.by_target, parent) if parent is not None else None
        self._skipped: set[cst.CSTNode] = set()
        self.applied: set[Edit] = set()
        self.line_length = line_length
        self.indent = indent
        self._blocks: list[str] = []  # indentation of the enclosing blocks
        self._edited_calls: set[cst.Call] = set()  # calls an edit produced in this pass
        self._statements: list[bool] = []  # per enclosing one-line statement: was something in it edited

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> bool:
        self._blocks.append(node.indent if node.indent is not None else self.indent)
        return True

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        self._statements.append(False)
        return True

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self._on_path is not None and node not in self._on_path and node not in self.by_target:
            self._skipped.add(node)
            return False
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode, updated_node: Any) -> Any:
        if original_node in self._skipped:
            return updated_node  # not visited: no edit below, nothing to dispatch
        node = super().on_leave(original_node, updated_node)
        edits = self.by_target.get(original_node)
        if not edits:
            return node
        if self._statements and not isinstance(original_node, cst.SimpleStatementLine):
            self._statements[-1] = True
        before: list[cst.BaseStatement] = []
        after: list[cst.BaseStatement] = []
        for edit in edits:
            if edit.replace is not None and isinstance(node, cst.CSTNode):
                node = edit.replace(node)
                if isinstance(node, cst.Call):
                    self._edited_calls.add(node)
            if edit.before or edit.after:
                if not isinstance(original_node, cst.BaseStatement):
                    raise EditError("statements can only be inserted next to a statement")
                before.extend(edit.before)
                after.extend(edit.after)
            self.applied.add(edit)
        if before or after:
            kept = [node] if isinstance(node, cst.CSTNode) else []
            return cst.FlattenSentinel([*before, *kept, *after])
        return node

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine,
                                  updated_node: cst.SimpleStatementLine) -> cst.SimpleStatementLine:
        """A call statement that an edit made too long is laid out one argument per line."""
        edited = self._statements.pop()
        if self.line_length is None or len(updated_node.body) != 1:
            return updated_node
        small = updated_node.body[0]
        call = getattr(small, "value", None)
        if not isinstance(call, cst.Call) or not (edited or call in self._edited_calls):
            return updated_node
        longest = self._longest_line(updated_node)
        if longest <= self.line_length or longest <= self._longest_line(original_node) or _has_comment(call):
            return updated_node  # short enough, no longer than before the edit, or has comments to keep
        hugged = hug_call(call, self.indent)
        if hugged is not None:
            statement = updated_node.with_changes(body=[small.with_changes(value=hugged)])
            if self._longest_line(statement) <= self.line_length:
                return statement
        return updated_node.with_changes(body=[small.with_changes(value=explode_call(call, self.indent))])

    def _longest_line(self, statement: cst.SimpleStatementLine) -> int:
        """The length of the statement's longest line (its own code: not the comments above it or
        after it)."""
        code = _code(statement.with_changes(leading_lines=[], trailing_whitespace=cst.TrailingWhitespace()))
        code = code.rstrip("\r\n")
        lines = code.splitlines()
        return max([len("".join(self._blocks)) + len(lines[0]), *(len(line) for line in lines[1:])])

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock) -> cst.IndentedBlock:
        self._blocks.pop()
        if not updated_node.body:  # every statement was removed: keep the block valid
            return updated_node.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        return updated_node


def _ancestors(targets: Iterable[cst.CSTNode], parent: Callable[[cst.CSTNode], cst.CSTNode | None]
               ) -> set[cst.CSTNode] | None:
    """Every node above the targets (None when a target is not in the tree ``parent`` knows: then
    the whole tree is visited)."""
    above: set[cst.CSTNode] = set()
    for target in targets:
        node = parent(target)
        if node is None and not isinstance(target, cst.Module):
            return None
        while node is not None and node not in above:
            above.add(node)
            node = parent(node)
    return above


def apply_fixes(module: cst.Module, fixes: Sequence[Fix], line_length: int | None = None,
                parent: Callable[[cst.CSTNode], cst.CSTNode | None] | None = None) -> tuple[cst.Module, list[Fix]]:
    """Apply every fix that can be applied; a fix whose edit fails is deferred (returned second).

    With ``line_length``, an edited call that makes its one-line statement longer than that is laid
    out one argument per line. With ``parent`` (the tree's parent of a node, as
    ``FileContext.parent``), only the paths down to the edited nodes are visited.
    """
    pending = list(fixes)
    deferred: list[Fix] = []
    while pending:
        applier = _Applier((e for f in pending for e in f.edits), line_length, module.default_indent, parent)
        try:
            new_module = module.visit(applier)
        except Exception:  # noqa: BLE001 - any failing edit: find it and defer it
            culprit = next((f for f in pending if not _applies_alone(module, f)), None)
            if culprit is None:
                raise
            pending.remove(culprit)
            deferred.append(culprit)
            continue
        incomplete = [f for f in pending if any(e not in applier.applied for e in f.edits)]
        if incomplete:  # some target was not in the tree (e.g. removed by another edit): redo without it
            for f in incomplete:
                pending.remove(f)
                deferred.append(f)
            continue
        return add_imports(new_module, [imp for f in pending for imp in f.imports], line_length), deferred
    return module, deferred


def _applies_alone(module: cst.Module, fix: Fix) -> bool:
    try:
        module.visit(_Applier(fix.edits))
    except Exception:  # noqa: BLE001
        return False
    return True


def add_imports(module: cst.Module, statements: Sequence[str], line_length: int | None = None) -> cst.Module:
    """Add import statements: a ``from X import a`` joins the file's own ``from X import`` list
    when its style allows (see :func:`_merge_from_imports`; a one-line list stays within
    ``line_length``, 88 columns without one); the others go after the module's leading imports
    (after docstring/__future__), next to its last ``aws_cdk`` import when it has one. Imports
    already present are skipped."""
    present = {module.code_for_node(small) for stmt in module.body if isinstance(stmt, cst.SimpleStatementLine)
               for small in stmt.body if isinstance(small, (cst.Import, cst.ImportFrom))}
    wanted = list(dict.fromkeys(s for s in statements if s not in present))
    if not wanted:
        return module
    body = list(module.body)
    insert_at = 0
    after_cdk = 0  # just after the header's last aws_cdk import: keep CDK imports together
    for i, stmt in enumerate(body):
        if isinstance(stmt, cst.SimpleStatementLine) and all(
            isinstance(s, (cst.Import, cst.ImportFrom)) or (i == 0 and isinstance(s, cst.Expr)
                                                             and isinstance(s.value, (cst.SimpleString, cst.ConcatenatedString)))
            for s in stmt.body
        ):
            insert_at = i + 1
            if "aws_cdk" in module.code_for_node(stmt):
                after_cdk = i + 1
            continue
        if isinstance(stmt, (cst.If, cst.Try)) and i == insert_at and _only_imports(stmt):
            insert_at = i + 1  # `try: import x except ImportError: ...` blocks belong to the header
            continue
        break
    insert_at = after_cdk or insert_at
    body, rest = _merge_from_imports(body[:insert_at], wanted, line_length or 88)
    new = [cst.parse_statement(s + "\n") for s in rest]
    return module.with_changes(body=[*body, *new, *module.body[insert_at:]])


def _merge_from_imports(header: list[cst.BaseStatement], wanted: list[str], width: int
                        ) -> tuple[list[cst.BaseStatement], list[str]]:
    """``from X import a`` statements joined to what the header already imports from ``X``, in
    the file's style: a parenthesized list gets the name on a line of its own, a one-line list of
    names only while it fits ``width``; a file that imports one name per statement gets a statement.
    Returns the header and the statements still to insert (in the order asked)."""
    header = list(header)
    rest: list[str] = []
    for text in wanted:
        stmt = cst.parse_statement(text + "\n")
        small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) else None
        if not (isinstance(small, cst.ImportFrom) and not small.relative and small.module is not None
                and not isinstance(small.names, cst.ImportStar)):
            rest.append(text)
            continue
        module = _EMPTY.code_for_node(small.module)
        aliases = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in small.names]
        for i, line in enumerate(header):
            have = line.body[0] if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1 else None
            if (isinstance(have, cst.ImportFrom) and not have.relative and have.module is not None
                    and not isinstance(have.names, cst.ImportStar) and _EMPTY.code_for_node(have.module) == module):
                merged = _with_names(have, aliases, width)
                if merged is not None:
                    header[i] = line.with_changes(body=[merged])
                    break
        else:
            rest.append(text)
    return header, rest


def _with_names(stmt: cst.ImportFrom, aliases: list[cst.ImportAlias], width: int) -> cst.ImportFrom | None:
    """``stmt`` importing ``aliases`` too (names it has already are skipped; a class or constant
    goes before the first module name, ``Duration`` before ``aws_s3 as s3``); None when they do
    not fit: a module where the statement lists classes only (or the reverse), a one-line
    statement that would pass ``width`` columns."""
    names = list(stmt.names)  # type: ignore[arg-type]
    text = lambda a: _EMPTY.code_for_node(a.with_changes(comma=cst.MaybeSentinel.DEFAULT))  # noqa: E731
    have = {text(a) for a in names}
    kinds = {text(a)[:1].islower() for a in names}  # modules (aws_s3 as s3) and/or classes (Stack)
    new = [a for a in aliases if text(a) not in have]
    if not new or any(text(a)[:1].islower() not in kinds for a in new):
        return None if new else stmt  # a module into a list of classes only, or the reverse: its own statement
    last_comma = names[-1].comma
    merged = list(names)
    for alias in new:
        modules = [i for i, a in enumerate(merged) if text(a)[:1].islower()]
        at = modules[0] if text(alias)[:1].isupper() and modules else len(merged)
        merged.insert(at, alias)
    first_ws = stmt.lpar.whitespace_after if stmt.lpar is not None else None
    if isinstance(first_ws, cst.ParenthesizedWhitespace):  # one name per line: add lines
        separator = cst.Comma(whitespace_after=first_ws)
        if isinstance(last_comma, cst.Comma):
            closing: cst.Comma | cst.MaybeSentinel = last_comma
        else:  # no trailing comma: the last name keeps what it had before ")"
            closing = cst.MaybeSentinel.DEFAULT
        merged = [a.with_changes(comma=separator) for a in merged[:-1]] + [merged[-1].with_changes(comma=closing)]
        return stmt.with_changes(names=merged)
    if len(names) < 2:
        return None  # one name per statement: the file's style
    space = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    merged = [a.with_changes(comma=space) for a in merged[:-1]] + [merged[-1].with_changes(comma=last_comma)]
    out = stmt.with_changes(names=merged)
    return out if "\n" not in _EMPTY.code_for_node(out) and len(_EMPTY.code_for_node(out)) <= width else None


def _only_imports(stmt: cst.CSTNode) -> bool:
    found = []

    class V(cst.CSTVisitor):
        def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
            found.append(all(isinstance(s, (cst.Import, cst.ImportFrom, cst.Pass)) for s in node.body))

    stmt.visit(V())
    return bool(found) and all(found)


# --------------------------------------------------------------------------------------------
# Layout of calls with long nested calls (options objects, ``json_with_standard_fields(...)``)


def lay_out_nested(call: cst.Call, indent: str, width: int, base: str = "", force: bool = False,
                   prefix: int = 0, written: frozenset[str] = frozenset()) -> cst.Call:
    """``call`` one argument per line when it does not fit in ``width`` columns (counted from the
    block holding the statement; ``base`` is where the call's line starts, relative to it, and
    ``prefix`` how many characters precede the call on that line: ``api = ``), and,
    recursively, each argument whose one-line call value does not fit on its own line, but for the
    arguments in ``written`` (their text as the code had them: a fix does not re-lay out what it
    did not touch). A call already written over several lines keeps its layout; only its arguments
    are looked at."""
    if not call.args or _has_comment(call):
        return call  # a comment inside is laid out by hand: keep it where it is
    empty = cst.Module(body=[])
    lines = empty.code_for_node(call).split("\n")
    if len(lines) == 1:
        if not force and len(base) + prefix + len(lines[0]) <= width:
            return call
        call = explode_call(call, indent, base)
    elif crowded_line(call, width, len(base) + prefix):
        # written over several lines, but with a line of several arguments that is now too long
        last = call.args[-1]
        end = last.comma.whitespace_after if isinstance(last.comma, cst.Comma) else last.whitespace_after_arg
        call = explode_call(call, indent, end.last_line.value if isinstance(end, cst.ParenthesizedWhitespace) else base)
    args = list(call.args)
    for i, arg in enumerate(args):
        before = call.whitespace_before_args if i == 0 else args[i - 1].comma
        ws = before.whitespace_after if isinstance(before, cst.Comma) else before
        if not (isinstance(ws, cst.ParenthesizedWhitespace) and isinstance(arg.value, cst.Call)):
            continue
        arg_base = ws.last_line.value
        text = empty.code_for_node(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT))
        if text not in written and len(arg_base) + len(text) + 1 > width:  # (``written``: as the code had them)
            args[i] = arg.with_changes(value=lay_out_nested(arg.value, indent, width, arg_base, force=True))
    return call.with_changes(args=args)


def crowded_line(call: cst.Call, width: int, first: int) -> bool:
    """A line of ``call`` (written over several lines) that holds more than one argument and is
    longer than ``width`` (``first``: the columns before the call's first line)."""
    empty = cst.Module(body=[])
    lines: list[tuple[int, int]] = []  # (length, arguments) per line
    start: cst.BaseParenthesizableWhitespace = call.whitespace_before_args
    for arg in call.args:
        text = len(empty.code_for_node(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT))) + 2
        if isinstance(start, cst.ParenthesizedWhitespace) or not lines:
            offset = len(start.last_line.value) if isinstance(start, cst.ParenthesizedWhitespace) else first
            lines.append((offset + text, 1))
        else:
            length, count = lines[-1]
            lines[-1] = (length + text, count + 1)
        start = arg.comma.whitespace_after if isinstance(arg.comma, cst.Comma) else arg.whitespace_after_arg
    return any(count > 1 and length > width for length, count in lines)


# --------------------------------------------------------------------------------------------
# Laying out inserted statements


def fit_statements(statements: Sequence[cst.BaseStatement], block_indent: str, line_length: int | None,
                   indent: str = "    ") -> list[cst.BaseStatement]:
    """Statements to insert in a block indented by ``block_indent``, each one-line call statement
    that would be longer than ``line_length`` laid out one argument per line (as an edited call
    is: :func:`explode_call`)."""
    out = []
    for stmt in statements:
        small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 else None
        call = getattr(small, "value", None)
        code = cst.Module(body=[]).code_for_node(stmt).rstrip("\r\n")
        if line_length is None or not isinstance(call, cst.Call) or "\n" in code \
                or len(block_indent) + len(code) <= line_length:
            out.append(stmt)
            continue
        out.append(stmt.with_changes(body=[small.with_changes(value=explode_call(call, indent))]))  # type: ignore[union-attr]
    return out


# --------------------------------------------------------------------------------------------
# A fix as text replacements (machine output and editors: --format json/sarif, the language server)


@dataclass(frozen=True)
class TextEdit:
    """Replace the text from (``line``, ``column``) up to (``end_line``, ``end_column``) with
    ``content``: 1-based lines and columns in characters, the end excluded (as ruff's JSON)."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    def to_json(self) -> dict[str, Any]:
        return {"content": self.content, "location": {"row": self.line, "column": self.column},
                "end_location": {"row": self.end_line, "column": self.end_column}}


def fix_text_edits(module: cst.Module, fix: Fix, line_length: int | None = None) -> list[TextEdit] | None:
    """What ``fix`` alone changes in ``module``'s text, as replacements in that text; None when it
    cannot be applied alone (it waits for another fix)."""
    try:
        new, deferred = apply_fixes(module, [fix], line_length)
    except Exception:  # noqa: BLE001 - the run applies (or defers) it for real; here it is only shown
        return None
    return None if deferred else text_edits(module.code, new.code)


def text_edits(old: str, new: str) -> list[TextEdit]:
    """The replacements that turn ``old`` into ``new``: the hunks of libgit2's line diff, each
    narrowed to the characters that differ."""
    import pygit2

    old_starts, new_starts = _line_starts(old), _line_starts(new)
    out = []
    for hunk in pygit2.Patch.create_from(old, new, context_lines=0).hunks:
        # git numbers an insertion's hunk after the line it follows (0: before the first line)
        a = old_starts[min(hunk.old_start - (1 if hunk.old_lines else 0), len(old_starts) - 1)]
        b = old_starts[min(hunk.old_start - (1 if hunk.old_lines else 0) + hunk.old_lines, len(old_starts) - 1)]
        c = new_starts[min(hunk.new_start - (1 if hunk.new_lines else 0), len(new_starts) - 1)]
        d = new_starts[min(hunk.new_start - (1 if hunk.new_lines else 0) + hunk.new_lines, len(new_starts) - 1)]
        lo, hi = a, b
        while a < b and c < d and old[a] == new[c]:
            a, c = a + 1, c + 1
        while a < b and c < d and old[b - 1] == new[d - 1]:
            b, d = b - 1, d - 1
        # whole words: `False` -> `True`, not `Fals` -> `Tru`
        while a > lo and _word(old, a - 1) and (_word(old, a) or _word(new, c)):
            a, c = a - 1, c - 1
        while b < hi and _word(old, b) and (_word(old, b - 1) or _word(new, d - 1)):
            b, d = b + 1, d + 1
        (line, column), (end_line, end_column) = _row_col(old, a), _row_col(old, b)
        out.append(TextEdit(line, column, end_line, end_column, new[c:d]))
    return out


def _word(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def _line_starts(text: str) -> list[int]:
    """Offset of each line's start (lines end at ``\\n``, as git counts them), then the text's end."""
    starts = [0]
    at = text.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    if starts[-1] != len(text):
        starts.append(len(text))
    return starts


def _row_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
