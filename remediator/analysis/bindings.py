"""Names, and what binds them: one index per file and pass, shared by every rule.

It answers the questions rules keep asking:

* which names does this assignment target bind (:func:`target_names`);
* which scopes does a node see, and what binds a name there (:meth:`Scopes.kinds_at`):
  an import, a plain ``name = value``, a parameter, a loop variable, ``with``/``except``
  targets, a walrus, a definition...;
* is a name that looks like a module alias really that module here (:meth:`Scopes.shadows_import`):
  a local ``s3 = {...}`` or a parameter named ``s3`` is not ``aws_cdk.aws_s3``;
* is a name bound other than by ``name = value`` (:meth:`Scopes.rebound`), so that its values are
  not all visible as assignments;
* which classes of the file derive from given aws-cdk-lib classes, directly or through other
  classes of the file (:func:`classes_deriving_from`).

Why an index of our own and not LibCST's ``ScopeProvider``: the engine already walks every tree
once per pass (:class:`remediator.analysis.context.FileContext`); recording bindings during that
walk adds little, while resolving ``ScopeProvider`` is a second, much heavier walk. Measured on the
test corpus (``benchmarks/bench_scopes.py``, 56 files): recording bindings adds 0.07 ms per file
to the 3.0 ms indexing walk; ``ScopeProvider`` costs 11 ms per file, five times a parse. Python's
scoping rules are followed where they matter here: class bodies are not visible from their
methods, comprehensions have their own scope, a walrus in a comprehension binds in the enclosing
function, ``global``/``nonlocal`` names count as bound (by something we cannot see).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import libcst as cst

_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)


class Kind(str, enum.Enum):
    """How a name is bound."""

    IMPORT = "import"
    ASSIGN = "assign"  #: ``name = value`` or ``name: T = value`` with one target
    OTHER_ASSIGN = "other-assign"  #: several targets, unpacking, ``+=``, a bare annotation
    PARAM = "param"
    LOOP = "loop"  #: ``for`` and comprehension targets
    WITH = "with"
    EXCEPT = "except"
    WALRUS = "walrus"
    DEF = "def"
    CLASS = "class"
    DECLARED = "declared"  #: ``global``/``nonlocal``: bound where we cannot see
    MATCH = "match"
    DELETE = "delete"


@dataclass(frozen=True)
class NameBinding:
    name: str
    kind: Kind
    node: cst.CSTNode  #: the binding node (the Param, the Assign, the For, the ImportAlias...)
    scope: cst.CSTNode  #: the scope node the name is bound in


def assigned_expressions(target: cst.CSTNode) -> list[cst.BaseExpression]:
    """What an assignment, ``for``, ``with ... as`` or ``except ... as`` target assigns to, unpacked:
    ``a, (self.b, *c)`` -> ``a``, ``self.b``, ``c`` (names, attributes, subscripts)."""
    if isinstance(target, (cst.Tuple, cst.List)):
        return [e for el in target.elements for e in assigned_expressions(el.value)]
    if isinstance(target, cst.StarredElement):
        return assigned_expressions(target.value)
    if isinstance(target, cst.AsName):
        return assigned_expressions(target.name)
    return [target] if isinstance(target, cst.BaseExpression) else []


def target_names(target: cst.CSTNode) -> list[str]:
    """The names such a target binds (``a``, ``a, (b, *c)``); attributes and subscripts bind none."""
    return [e.value for e in assigned_expressions(target) if isinstance(e, cst.Name)]


def root_name(expr: cst.BaseExpression) -> cst.Name | None:
    """``s3`` in ``s3.Bucket`` / ``s3.Bucket.from_bucket_name``."""
    while isinstance(expr, cst.Attribute):
        expr = expr.value
    return expr if isinstance(expr, cst.Name) else None


class ScopeRecorder:
    """Collects bindings while the file's indexing walk visits each node (see ``FileContext``).

    ``enter(node)`` is called for every node on the way down, ``leave(node)`` on the way up.
    """

    def __init__(self, module: cst.Module) -> None:
        self.bindings: list[NameBinding] = []
        self._stack: list[cst.CSTNode] = [module]

    def _add(self, names: Iterable[str], kind: Kind, node: cst.CSTNode, scope: cst.CSTNode | None = None) -> None:
        where = scope if scope is not None else self._stack[-1]
        self.bindings.extend(NameBinding(n, kind, node, where) for n in names)

    def enter(self, node: cst.CSTNode) -> None:
        handler = _HANDLERS.get(type(node))
        if handler is not None:
            handler(self, node)

    def leave(self, node: cst.CSTNode) -> None:
        if len(self._stack) > 1 and self._stack[-1] is node:
            self._stack.pop()

    # -- one handler per binding node type (a dict lookup per node keeps the walk cheap) ---------
    def _def(self, node: cst.FunctionDef | cst.ClassDef) -> None:
        self._add([node.name.value], Kind.DEF if isinstance(node, cst.FunctionDef) else Kind.CLASS, node)
        self._stack.append(node)

    def _scope(self, node: cst.CSTNode) -> None:
        self._stack.append(node)

    def _assign(self, node: cst.Assign) -> None:
        plain = len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name)
        for t in node.targets:
            self._add(target_names(t.target), Kind.ASSIGN if plain else Kind.OTHER_ASSIGN, node)

    def _ann_assign(self, node: cst.AnnAssign) -> None:
        plain = node.value is not None and isinstance(node.target, cst.Name)
        self._add(target_names(node.target), Kind.ASSIGN if plain else Kind.OTHER_ASSIGN, node)

    def _walrus(self, node: cst.NamedExpr) -> None:
        scope = next((s for s in reversed(self._stack) if not isinstance(s, _COMPREHENSIONS)), None)
        self._add(target_names(node.target), Kind.WALRUS, node, scope)

    def _with(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._add(target_names(node.asname), Kind.WITH, node)

    def _except(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self._add(target_names(node.name), Kind.EXCEPT, node)

    def _declared(self, node: cst.Global | cst.Nonlocal) -> None:
        self._add([n.name.value for n in node.names], Kind.DECLARED, node)

    def _match(self, node: cst.MatchAs | cst.MatchStar) -> None:
        if node.name is not None:
            self._add([node.name.value], Kind.MATCH, node)

    def _import(self, node: cst.ImportAlias) -> None:
        bound = node.asname.name if node.asname is not None else root_name(node.name)
        self._add(target_names(bound) if bound is not None else [], Kind.IMPORT, node)

    def _param(self, node: cst.Param) -> None:
        self._add([node.name.value], Kind.PARAM, node)


def _targets_of(kind: Kind) -> Callable[[ScopeRecorder, cst.CSTNode], None]:
    def handler(recorder: ScopeRecorder, node: cst.CSTNode) -> None:
        recorder._add(target_names(node.target), kind, node)  # type: ignore[attr-defined]
    return handler


_HANDLERS: dict[type, Callable[[ScopeRecorder, cst.CSTNode], None]] = {
    cst.FunctionDef: ScopeRecorder._def, cst.ClassDef: ScopeRecorder._def,
    cst.Lambda: ScopeRecorder._scope, cst.ListComp: ScopeRecorder._scope, cst.SetComp: ScopeRecorder._scope,
    cst.GeneratorExp: ScopeRecorder._scope, cst.DictComp: ScopeRecorder._scope,
    cst.Assign: ScopeRecorder._assign, cst.AnnAssign: ScopeRecorder._ann_assign,
    cst.AugAssign: _targets_of(Kind.OTHER_ASSIGN), cst.For: _targets_of(Kind.LOOP),
    cst.CompFor: _targets_of(Kind.LOOP),  # visited inside its comprehension: the targets are its own
    cst.Del: _targets_of(Kind.DELETE),
    cst.NamedExpr: ScopeRecorder._walrus, cst.WithItem: ScopeRecorder._with,
    cst.ExceptHandler: ScopeRecorder._except, cst.Global: ScopeRecorder._declared,
    cst.Nonlocal: ScopeRecorder._declared, cst.MatchAs: ScopeRecorder._match, cst.MatchStar: ScopeRecorder._match,
    cst.ImportAlias: ScopeRecorder._import, cst.Param: ScopeRecorder._param,
}


class Scopes:
    """The bindings of one tree, and questions about them. ``parent`` maps a node to its parent."""

    def __init__(self, module: cst.Module, bindings: Sequence[NameBinding],
                 parent: Callable[[cst.CSTNode], cst.CSTNode | None]) -> None:
        self.module = module
        self.bindings = list(bindings)
        self._parent = parent
        self._by_scope: dict[cst.CSTNode, dict[str, list[NameBinding]]] = {}
        for b in self.bindings:
            self._by_scope.setdefault(b.scope, {}).setdefault(b.name, []).append(b)
        #: names bound other than by import somewhere in the file: the only ones that can shadow
        self._non_import = {b.name for b in self.bindings if b.kind is not Kind.IMPORT}

    def bound_anywhere(self) -> set[str]:
        """Every name the file binds, in any scope (imports included)."""
        return {b.name for b in self.bindings}

    def in_scope(self, scope: cst.CSTNode, name: str) -> list[NameBinding]:
        return self._by_scope.get(scope, {}).get(name, [])

    def names_in(self, scope: cst.CSTNode) -> dict[str, list[NameBinding]]:
        return self._by_scope.get(scope, {})

    def visible_scopes(self, node: cst.CSTNode) -> list[cst.CSTNode]:
        """The scopes whose names ``node`` sees, innermost first (a class body only from directly
        inside it, not from its methods)."""
        out: list[cst.CSTNode] = []
        child, parent = node, self._parent(node)
        while parent is not None:
            if isinstance(parent, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
                inside = child is parent.body
                if inside and not (isinstance(parent, cst.ClassDef) and out):
                    out.append(parent)
            elif isinstance(parent, _COMPREHENSIONS):
                out.append(parent)
            child, parent = parent, self._parent(parent)
        out.append(self.module)
        return out

    def home_scope(self, node: cst.CSTNode) -> cst.CSTNode:
        """The innermost scope ``node`` is in."""
        return self.visible_scopes(node)[0]

    def kinds_at(self, name: str, at: cst.CSTNode) -> set[Kind]:
        """How ``name`` is bound in the innermost scope visible from ``at`` that binds it."""
        for scope in self.visible_scopes(at):
            found = self.in_scope(scope, name)
            if found:
                return {b.kind for b in found}
        return set()

    def shadows_import(self, expr: cst.BaseExpression) -> bool:
        """Whether the name ``expr`` starts with (``s3`` in ``s3.Bucket``) is, where ``expr`` is,
        bound by something other than an import: a parameter, loop variable, assignment..."""
        root = root_name(expr)
        if root is None or root.value not in self._non_import:
            return False
        kinds = self.kinds_at(root.value, expr)
        return bool(kinds - {Kind.IMPORT})

    def rebound_at(self, name: cst.Name) -> bool:
        """Whether ``name`` is bound, in the scope its value comes from (seen from where it is
        used), other than by a plain ``name = value``: its values are then not all visible as
        assignments (a parameter, a loop variable, ``with ... as name``...). A comprehension's own
        variable counts as rebound."""
        home = self.home_scope(name)
        for scope in self.visible_scopes(name):
            found = self.in_scope(scope, name.value)
            if scope is home:
                return any(b.kind is not Kind.ASSIGN for b in found)
            if found:
                return True
        return False

    def locals_of(self, fn: cst.FunctionDef) -> set[str]:
        """The names local to a function: its parameters and what it binds, less ``global`` and
        ``nonlocal`` names."""
        names = self.names_in(fn)
        return {n for n, bs in names.items() if not any(b.kind is Kind.DECLARED for b in bs)}


def classes_deriving_from(classes: Sequence[cst.ClassDef], qualname: Callable[[cst.BaseExpression], str | None],
                          is_base: Callable[[str], bool]) -> list[cst.ClassDef]:
    """The classes that derive from a class ``is_base`` accepts (qualified names, e.g. ``aws_cdk.Stack``),
    directly or through other classes of the file, in source order."""
    by_name = {c.name.value: c for c in classes}
    known: dict[cst.ClassDef, bool] = {}

    def derives(cls: cst.ClassDef, seen: frozenset[str]) -> bool:
        if cls in known:
            return known[cls]
        result = False
        for base in cls.bases:
            if base.keyword is not None:
                continue
            q = qualname(base.value)
            if q is not None:
                result = is_base(q)
            elif isinstance(base.value, cst.Name) and base.value.value in by_name and base.value.value not in seen:
                result = derives(by_name[base.value.value], seen | {cls.name.value})
            if result:
                break
        known[cls] = result
        return result

    return [c for c in classes if derives(c, frozenset())]


def local_bases(cls: cst.ClassDef, classes: Sequence[cst.ClassDef]) -> list[cst.ClassDef]:
    """The classes of ``classes`` that ``cls`` names as its bases (written as a plain name)."""
    by_name = {c.name.value: c for c in classes}
    return [by_name[b.value.value] for b in cls.bases
            if b.keyword is None and isinstance(b.value, cst.Name) and b.value.value in by_name
            and by_name[b.value.value] is not cls]
