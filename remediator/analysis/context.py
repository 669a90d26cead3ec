"""Everything a rule may know about the file it is looking at, computed once per pass.

One walk over the tree (:class:`_Indexer`) records the import map, every call, each node's
parent, what each name or ``self`` attribute was assigned from, and which names every scope binds
(:mod:`remediator.analysis.bindings`). Qualified names are resolved through the import map and
are shadow-aware: a parameter or local named like a module alias is not that module. Positions
(libcst's PositionProvider's ranges, computed by ``analysis/positions.py``) are resolved lazily,
only when a finding needs a line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.bindings import ScopeRecorder, Scopes
from remediator.analysis.edits import Edit
from remediator.analysis.imports import ImportMap, dotted_name
from remediator.analysis.positions import positions
from remediator.source.cdk_app import NO_APP, CdkApp

# Conventional aliases for the modules we add imports for (what the CDK docs and most stacks use).
CONVENTIONAL_ALIASES = {
    "aws_cdk.aws_lambda": "lambda_",
    "aws_cdk.aws_apigateway": "apigw",
    "aws_cdk.aws_cloudwatch_actions": "cw_actions",
    "aws_cdk.aws_elasticloadbalancingv2": "elbv2",
    "aws_cdk.aws_stepfunctions": "sfn",
    "aws_cdk.aws_stepfunctions_tasks": "tasks",
    "aws_cdk.aws_events_targets": "targets",
    "aws_cdk.aws_secretsmanager": "secretsmanager",
}

_REF = re.compile(r"`((?:aws_cdk|constructs)(?:\.\w+)+)`")
_UNSET: Any = object()


@dataclass
class Assignment:
    """``target = <value>`` seen in the file: the target's spelling and the value's node."""

    target: str  # "bucket" or "self.bucket"
    value: cst.BaseExpression
    statement: cst.CSTNode
    scope: cst.CSTNode  # enclosing FunctionDef, else ClassDef, else Module


class _Indexer(cst.CSTVisitor):
    def __init__(self, module: cst.Module) -> None:
        self.imports = ImportMap()
        self.parents: dict[cst.CSTNode, cst.CSTNode] = {}
        self.calls: list[cst.Call] = []
        self.attributes: list[cst.Attribute] = []
        self.classes: list[cst.ClassDef] = []
        self.assignments: list[tuple[cst.BaseAssignTargetExpression | cst.BaseExpression, cst.BaseExpression,
                                     cst.CSTNode]] = []
        self.scopes = ScopeRecorder(module)
        #: name -> every Name node that refers to it (read or assigned), outside import statements
        self.references: dict[str, list[cst.Name]] = {}
        self._stack: list[cst.CSTNode] = []
        self._in_import = 0

    def on_visit(self, node: cst.CSTNode) -> bool:
        parent = self._stack[-1] if self._stack else None
        if parent is not None:
            self.parents[node] = parent
        self._stack.append(node)
        self.scopes.enter(node)
        if isinstance(node, cst.Name):
            if not self._in_import and not _names_something_else(node, parent):
                self.references.setdefault(node.value, []).append(node)
            return True
        if isinstance(node, cst.Import):
            self.imports.add_import(node)
            self._in_import += 1
        elif isinstance(node, cst.ImportFrom):
            self.imports.add_import_from(node)
            self._in_import += 1
        elif isinstance(node, cst.Call):
            self.calls.append(node)
        elif isinstance(node, cst.Attribute) and not self._in_import:
            self.attributes.append(node)
        elif isinstance(node, cst.ClassDef):
            self.classes.append(node)
        elif isinstance(node, cst.Assign) and len(node.targets) == 1:
            self.assignments.append((node.targets[0].target, node.value, node))
        elif isinstance(node, cst.AnnAssign) and node.value is not None:
            self.assignments.append((node.target, node.value, node))
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self._stack.pop()
        self.scopes.leave(original_node)
        if isinstance(original_node, (cst.Import, cst.ImportFrom)):
            self._in_import -= 1


def _names_something_else(name: cst.Name, parent: cst.CSTNode | None) -> bool:
    """A Name that is not a reference to a variable: an attribute's name (``x.name``), a keyword
    (``f(name=...)``), or the name a ``def``/``class``/parameter defines."""
    if isinstance(parent, cst.Attribute):
        return parent.attr is name
    if isinstance(parent, cst.Arg):
        return parent.keyword is name
    return isinstance(parent, (cst.Param, cst.FunctionDef, cst.ClassDef)) and parent.name is name


class FileContext:
    """The current tree of one file and what the engine derived from it."""

    def __init__(self, module: cst.Module, path: str, settings: dict[str, Any] | None = None,
                 project_root: str | None = None, source: str | None = None, api: Any = None,
                 app: CdkApp = NO_APP) -> None:
        self.module = module
        self.path = path
        self.project_root = project_root
        self.settings = settings or {}
        #: the CDK app the file belongs to (``cdk.json``: its folder, ``app`` command and context)
        self.app = app
        self._api = api
        #: the module's code; the engine passes the text it parsed instead of generating it again
        self.source = module.code if source is None else source
        indexer = _Indexer(module)
        module.visit(indexer)
        self.imports: ImportMap = indexer.imports
        self._parents = indexer.parents
        self.calls: list[cst.Call] = indexer.calls
        #: every ``a.b`` node of the tree outside import statements, in visiting order
        self.attributes: list[cst.Attribute] = indexer.attributes
        #: every class definition of the file, nested ones included, in source order
        self.classes: list[cst.ClassDef] = indexer.classes
        #: name -> the Name nodes that refer to it (read or assigned), outside import statements;
        #: attribute names, keywords and the names ``def``/``class``/parameters define are not references
        self.references: dict[str, list[cst.Name]] = indexer.references
        #: which names each scope binds, and how (imports, assignments, parameters, loops...)
        self.scopes = Scopes(module, indexer.scopes.bindings, self.parent)
        self._raw_assignments = indexer.assignments
        self._qualnames: dict[cst.CSTNode, str | None] = {}
        self._positions: Any = None
        self._assignments: list[Assignment] | None = None
        self._alias_choices: dict[str, tuple[str, str | None]] = {}
        self._names_in_file: set[str] | None = None
        self._construct_ids: set[str] | None = None
        #: unbound constructs that fixes of this pass bind to a new name (``ConstructCall.follow_with``)
        self.new_bindings: dict[cst.CSTNode, str] = {}

    # -- the aws-cdk-lib API ------------------------------------------------------------------
    @property
    def api(self) -> Any:
        """The aws-cdk-lib API index (``remediator.api``), loaded once per process on first use
        (unless the run pins one)."""
        if self._api is None:
            from remediator.api import get_index

            self._api = get_index(self.settings.get("cdk-python"), self.project_root)
        return self._api

    # -- names --------------------------------------------------------------------------------
    def qualname(self, node: cst.BaseExpression) -> str | None:
        """Fully qualified name of an expression like ``s3.Bucket`` (through the import map), or
        None when it is not an aws_cdk/constructs name -- also when the name it starts with is,
        where it is used, a parameter, loop variable or local rather than the imported module."""
        if node not in self._qualnames:
            q = self.imports.resolve(node)
            self._qualnames[node] = None if q is None or self.scopes.shadows_import(node) else q
        return self._qualnames[node]

    def call_qualname(self, call: cst.Call) -> str | None:
        return self.qualname(call.func)

    def calls_of(self, qualnames: Sequence[str]) -> Iterator["ConstructCall"]:
        wanted = set(qualnames)
        for call in self.calls:
            q = self.call_qualname(call)
            if q in wanted:
                yield ConstructCall(self, call, q)

    def method_calls(self, method: str) -> Iterator[tuple[cst.Call, cst.BaseExpression]]:
        """Calls ``<receiver>.method(...)``, with their receivers."""
        for call in self.calls:
            if isinstance(call.func, cst.Attribute) and call.func.attr.value == method:
                yield call, call.func.value

    # -- tree navigation ----------------------------------------------------------------------
    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self._parents.get(node)

    def ancestors(self, node: cst.CSTNode) -> Iterator[cst.CSTNode]:
        p = self.parent(node)
        while p is not None:
            yield p
            p = self.parent(p)

    def enclosing(self, node: cst.CSTNode, *types: type) -> cst.CSTNode | None:
        for a in self.ancestors(node):
            if isinstance(a, types):
                return a
        return None

    def statement_of(self, node: cst.CSTNode) -> cst.BaseStatement | None:
        """The statement (simple line or compound) directly inside a block that contains node."""
        current: cst.CSTNode | None = node
        while current is not None:
            parent = self.parent(current)
            if isinstance(current, cst.BaseStatement) and isinstance(parent, (cst.Module, cst.IndentedBlock)):
                return current
            current = parent
        return None

    def scope_of(self, node: cst.CSTNode) -> cst.CSTNode:
        return self.enclosing(node, cst.FunctionDef, cst.Lambda) or self.enclosing(node, cst.ClassDef) or self.module

    def position(self, node: cst.CSTNode) -> tuple[int, int]:
        """(line, column), 1-based line and 1-based column, of a node of the current tree."""
        if self._positions is None:
            self._positions = positions(self.module)
        pos = self._positions.get(node)
        if pos is None:
            return (1, 1)
        return (pos.start.line, pos.start.column + 1)

    def end_line(self, node: cst.CSTNode) -> int:
        return self.end_position(node)[0]

    def end_position(self, node: cst.CSTNode) -> tuple[int, int]:
        """(line, column) just after a node of the current tree, 1-based like :meth:`position`."""
        self.position(node)
        pos = self._positions.get(node)
        return (pos.end.line, pos.end.column + 1) if pos is not None else (1, 1)

    # -- assignments --------------------------------------------------------------------------
    @property
    def assignments(self) -> list[Assignment]:
        """Every one-target ``name = value`` / ``self.x = value`` of the file, with its scope."""
        if self._assignments is None:
            out = []
            for target, value, stmt in self._raw_assignments:
                spelled = dotted_name(target)
                if spelled is None:
                    continue
                scope = self.scope_of(stmt)
                if spelled.startswith("self."):
                    scope = self.enclosing(stmt, cst.ClassDef) or scope
                out.append(Assignment(spelled, value, stmt, scope))
            self._assignments = out
        return self._assignments

    def binding_of(self, call: cst.Call) -> str | None:
        """``bucket`` / ``self.bucket`` when ``call`` is the whole right-hand side of an assignment."""
        parent = self.parent(call)
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is call:
            target = parent.targets[0].target if isinstance(parent, cst.Assign) else parent.target
            return dotted_name(target)
        return None

    def assigned_values(self, expr: cst.BaseExpression, at: cst.CSTNode) -> list[cst.BaseExpression]:
        """The values assigned to ``expr`` (a name or ``self.x``) in the scope visible from ``at``."""
        spelled = dotted_name(expr)
        if spelled is None:
            return []
        if spelled.startswith("self."):
            scope = self.enclosing(at, cst.ClassDef)
        else:
            scope = self.scope_of(at)
        return [b.value for b in self.assignments if b.target == spelled and b.scope is scope]

    def constructed_type(self, expr: cst.BaseExpression, at: cst.CSTNode | None = None) -> str | None:
        """The qualified class an expression was built from: ``bucket`` after ``bucket = s3.Bucket(...)``.

        Returns None when unknown or when the name was bound to different types.
        """
        if isinstance(expr, cst.Call):
            return self.call_qualname(expr)
        types = {self.call_qualname(v) if isinstance(v, cst.Call) else None
                 for v in self.assigned_values(expr, at or expr)}
        return types.pop() if len(types) == 1 else None

    # -- code generation with imports ---------------------------------------------------------
    def _identifiers(self) -> set[str]:
        """Names a new import must not take: every name the file binds or refers to (attribute
        names, keywords and words in strings do not count)."""
        if self._names_in_file is None:
            self._names_in_file = set(self.references) | self.scopes.bound_anywhere()
        return self._names_in_file

    def spell(self, qualname: str) -> tuple[str, str | None]:
        """How to write ``qualname`` in this file, and the import statement that needs (or None).

        Reuses an alias in scope when one exists; otherwise imports the module under its
        conventional alias (``from aws_cdk import aws_s3 as s3``) or the class by name for top-level
        ``aws_cdk`` classes (``from aws_cdk import RemovalPolicy``), avoiding names already used.
        """
        if qualname in self._alias_choices:
            return self._alias_choices[qualname]
        existing = self.imports.alias_for(qualname)
        if existing is not None:
            result: tuple[str, str | None] = (existing, None)
        else:
            parts = qualname.split(".")
            if parts[0] == "aws_cdk" and len(parts) >= 2 and parts[1].startswith("aws_"):
                module = ".".join(parts[:2])
                spelled_module = self.imports.alias_for(module)
                if spelled_module is not None:
                    result = (".".join([spelled_module, *parts[2:]]), None)
                else:
                    alias = self._free_alias(module)
                    imp = (f"from aws_cdk import {parts[1]}" if alias == parts[1]
                           else f"from aws_cdk import {parts[1]} as {alias}")
                    result = (".".join([alias, *parts[2:]]), imp)
            else:
                head = ".".join(parts[:2])
                name = parts[1]
                if name in self._identifiers() and self.imports.aliases.get(name) != head:
                    root_alias = self.imports.alias_for(parts[0])
                    result = (qualname if root_alias is None else ".".join([root_alias, *parts[1:]]),
                              None if root_alias is not None else f"import {parts[0]}")
                else:
                    result = (".".join(parts[1:]), f"from {parts[0]} import {name}")
        self._alias_choices[qualname] = result
        return result

    def fresh_name(self, base: str) -> str:
        """A variable name the file does not use yet (``base``, ``base_2``...), reserved for this pass."""
        taken = self._identifiers()
        name, n = base, 2
        while name in taken or not name.isidentifier():
            name, n = f"{base}_{n}", n + 1
        taken.add(name)
        return name

    def free_construct_id(self, base: str) -> str:
        """A construct id no call of the file passes yet (``base``, ``base2``...), reserved for this
        pass: a duplicate id in one scope fails synth."""
        if self._construct_ids is None:
            from remediator.analysis.cdk_facts import construct_ids

            self._construct_ids = construct_ids(self)
        name, n = base, 2
        while name in self._construct_ids:
            name, n = f"{base}{n}", n + 1
        self._construct_ids.add(name)
        return name

    def _free_alias(self, module: str) -> str:
        short = module.split(".")[-1]
        candidates = [CONVENTIONAL_ALIASES.get(module, short[4:] if short.startswith("aws_") else short), short,
                      short + "_"]
        taken = self._identifiers()
        for cand in candidates:
            if cand not in taken or self.imports.aliases.get(cand) == module:
                return cand
        return short + "_cdk"

    def code(self, template: str) -> tuple[str, list[str]]:
        """Expand backtick references in a code template: ```aws_cdk.aws_s3.BlockPublicAccess`.BLOCK_ALL``.

        Returns the code and the import statements it needs.
        """
        imports: list[str] = []

        def sub(m: re.Match[str]) -> str:
            spelled, imp = self.spell(m.group(1))
            if imp is not None and imp not in imports:
                imports.append(imp)
            return spelled

        return _REF.sub(sub, template), imports

    # -- edits from code templates -------------------------------------------------------------
    def replace(self, node: cst.CSTNode, template: str) -> Edit:
        """Replace an expression with code (a template with backtick references)."""
        text, imports = self.code(template)
        return Edit.replace_with(node, text, imports)

    def insert_after(self, node: cst.CSTNode, template: str) -> Edit:
        """Insert statements (a template) after the statement containing ``node``."""
        text, imports = self.code(template)
        return Edit.insert_after(self._statement(node), text, imports)

    def remove_statement(self, node: cst.CSTNode) -> Edit:
        """Remove the statement containing ``node``."""
        return Edit.remove(self._statement(node))

    def _statement(self, node: cst.CSTNode) -> cst.BaseStatement:
        stmt = self.statement_of(node)
        if stmt is None:
            raise ValueError("node is not inside a statement")
        return stmt


class ConstructCall:
    """A call of a target construct or function, as a rule sees it.

    Reading: :meth:`arg`, :meth:`has`, :meth:`literal`, :meth:`is_true`, :meth:`value_qualname`.
    Editing (each returns an :class:`~remediator.analysis.edits.Edit`): :meth:`set_keyword`,
    :meth:`remove_keyword`, :meth:`rename_keyword`, :meth:`insert_after`.
    Values given to editing methods are code templates: ```aws_cdk.aws_kms.Key``` in backticks is
    replaced by the file's spelling of that name, adding an import when none is in scope.
    """

    def __init__(self, ctx: FileContext, node: cst.Call, qualname: str) -> None:
        self.ctx = ctx
        self.node = node
        self.qualname = qualname

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<ConstructCall {self.qualname} at {self.ctx.position(self.node)}>"

    @property
    def class_name(self) -> str:
        return self.qualname.rsplit(".", 1)[-1]

    @property
    def is_l1(self) -> bool:
        return self.class_name.startswith("Cfn")

    # -- reading ------------------------------------------------------------------------------
    def arg(self, name: str) -> cst.Arg | None:
        return E.get_keyword(self.node, name)

    def value(self, name: str) -> cst.BaseExpression | None:
        a = self.arg(name)
        return None if a is None else a.value

    def has(self, name: str) -> bool:
        return self.arg(name) is not None

    @property
    def has_kwargs_spread(self) -> bool:
        """``**kwargs`` present: anything may be set, so absence of a keyword proves nothing."""
        return any(a.star == "**" for a in self.node.args)

    def positional(self, index: int) -> cst.BaseExpression | None:
        pos = [a for a in self.node.args if a.keyword is None and not a.star]
        return pos[index].value if index < len(pos) else None

    @property
    def construct_id(self) -> str | None:
        v = self.positional(1)
        if v is None:
            v = self.value("id")
        return literal_value(v) if v is not None and isinstance(literal_value(v), str) else None

    def literal(self, name: str, default: Any = None) -> Any:
        """The Python value of a literal keyword argument; ``default`` when absent, ``NOT_LITERAL``
        when present but not a literal."""
        v = self.value(name)
        if v is None:
            return default
        return literal_value(v)

    def is_true(self, name: str) -> bool:
        return self.literal(name) is True

    def value_qualname(self, name: str) -> str | None:
        """Qualified name of an argument like ``s3.BlockPublicAccess.BLOCK_ALL``."""
        v = self.value(name)
        return None if v is None else self.ctx.qualname(v)

    @property
    def binding(self) -> str | None:
        return self.ctx.binding_of(self.node)

    @property
    def statement(self) -> cst.BaseStatement | None:
        return self.ctx.statement_of(self.node)

    def refers_to(self, expr: cst.BaseExpression, at: cst.CSTNode) -> bool:
        """``expr`` (a name or ``self.x``) at ``at`` holds this call's construct: bound once or more
        to it in the scope visible from ``at``."""
        return any(v is self.node for v in self.ctx.assigned_values(expr, at))

    def method_calls(self, method: str) -> Iterator[cst.Call]:
        """Calls ``<x>.method(...)`` where ``x`` holds this construct (``bucket.grant_public_access()``)."""
        if self.binding is None:
            return
        for node, receiver in self.ctx.method_calls(method):
            if self.refers_to(receiver, node):
                yield node

    # -- editing ------------------------------------------------------------------------------
    def set_keyword(self, name: str, template: str) -> Edit:
        """``name=<template>`` on this call (replaced if present, else appended)."""
        text, imports = self.ctx.code(template)
        return Edit.set_keyword(self.node, name, text, imports)

    def remove_keyword(self, name: str) -> Edit:
        return Edit.remove_keyword(self.node, name)

    def rename_keyword(self, old: str, new: str) -> Edit:
        return Edit.rename_keyword(self.node, old, new)

    def insert_after(self, template: str) -> Edit:
        return self.ctx.insert_after(self.node, template)

    def follow_with(self, template: str) -> Edit | None:
        """Statements right after the one that builds this construct, in the same block (a template:
        ``{construct}`` stands for the construct). An unbound construct (``s3.Bucket(self, "Logs")``
        alone on its line) is first bound to a fresh, readable name (``logs_bucket = ...``). None
        when the construct is built inside a larger expression, where nothing can refer to it."""
        name = self.binding
        stmt = self.statement
        if not isinstance(stmt, cst.SimpleStatementLine):
            return None
        rename = None
        if name is None:
            parent = self.ctx.parent(self.node)
            if not (isinstance(parent, cst.Expr) and len(stmt.body) == 1 and stmt.body[0] is parent):
                return None
            if self.node not in self.ctx.new_bindings:  # one name per construct: several rules may follow it
                self.ctx.new_bindings[self.node] = self.ctx.fresh_name(self._readable_name())
            name = self.ctx.new_bindings[self.node]
            rename = name
        text, imports = self.ctx.code(template.replace("{construct}", name))
        edit = Edit.insert_after(stmt, text, imports)
        if rename is not None:
            # the new name lengthens the line: lay the call out if it no longer fits
            width = int(self.ctx.settings.get("line-length") or 100) - (self.ctx.position(stmt)[1] - 1)
            indent = self.ctx.module.default_indent
            edit.replace = lambda n: _bind_expression(n, rename, indent, width)
        return edit

    def _readable_name(self) -> str:
        """``logs_bucket`` for ``s3.Bucket(self, "Logs")`` (and for ``"LogsBucket"``),
        ``web_auto_scaling_group`` for ``AutoScalingGroup(self, "Web")``, ``bucket`` without an id."""
        split = lambda text: [w.lower() for w in re.findall(r"[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z0-9]+", text)]  # noqa: E731
        words = split(self.construct_id or "")
        kind = split(self.class_name.removeprefix("Cfn"))
        if not words or not words[0][0].isalpha():
            return "_".join(kind)
        if words[-len(kind):] == kind:
            return "_".join(words)
        return "_".join(words + kind)

    def merge_options(self, keyword: str, struct: str, values: dict[str, str]) -> Edit | None:
        """Set ``values`` (name -> code template) in the options object passed as ``keyword``
        (``deploy_options=apigw.StageOptions(...)``): into that call when it is there (names it
        already sets are kept), else ``keyword=<struct>(name=value, ...)`` is added. None when
        ``keyword`` holds something else (a variable, a dict): merging there is not ours to do."""
        current = self.value(keyword)
        if current is None:
            inner = ", ".join(f"{k}={v}" for k, v in values.items())
            text, imports = self.ctx.code(f"`{struct}`({inner})")
            added = E.parse_expr(text)

            def add_or_merge(node: cst.CSTNode) -> cst.CSTNode:
                # another fix of the same pass may have added the options object already: merge
                # into it rather than replace it
                if not isinstance(node, cst.Call):
                    raise E.EditError("expected a call")
                there = E.get_keyword(node, keyword)
                if there is None:
                    return E.set_keyword(node, keyword, added)
                if not (isinstance(there.value, cst.Call) and isinstance(added, cst.Call)
                        and self.ctx.module.code_for_node(there.value.func) == self.ctx.module.code_for_node(added.func)):
                    raise E.EditError(f"{keyword} was set to something else by another fix")
                merged = there.value
                for arg in added.args:
                    if arg.keyword is not None and E.get_keyword(merged, arg.keyword.value) is None:
                        merged = E.set_keyword(merged, arg.keyword.value, arg.value)
                return E.set_keyword(node, keyword, merged)

            return Edit(self.node, replace=add_or_merge, imports=imports)
        if not (isinstance(current, cst.Call) and self.ctx.call_qualname(current) == struct):
            return None
        missing = {k: v for k, v in values.items() if E.get_keyword(current, k) is None}
        if not missing:
            return None
        rendered = {k: self.ctx.code(v) for k, v in missing.items()}
        imports = [i for _, imps in rendered.values() for i in imps]

        def merge(node: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(node, cst.Call)
            for k, (text, _) in rendered.items():
                node = E.set_keyword(node, k, text)
            return node

        return Edit(current, replace=merge, imports=imports)


def _bind_expression(stmt: cst.CSTNode, name: str, indent: str = "    ", width: int = 10**6) -> cst.CSTNode:
    """``Call(...)`` alone on its line -> ``name = Call(...)`` (laid out one argument per line
    when the line no longer fits ``width`` columns; unchanged when another edit of the pass bound
    it to ``name`` already)."""
    assert isinstance(stmt, cst.SimpleStatementLine)
    small = stmt.body[0]
    if isinstance(small, cst.Assign) and [t.target for t in small.targets if isinstance(t.target, cst.Name)] \
            and small.targets[0].target.value == name:  # type: ignore[attr-defined]
        return stmt
    assert isinstance(small, cst.Expr)
    value = stmt.body[0].value
    if isinstance(value, cst.Call) and ("\n" not in cst.Module(body=[]).code_for_node(value)
                                        or E.crowded_line(value, width, len(name) + 3)):
        # (a call written one argument per line keeps its lines: only its first line grows)
        value = E.lay_out_nested(value, indent, width, prefix=len(name) + 3)
    return stmt.with_changes(body=[cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=value)])


class _NotLiteral:
    def __repr__(self) -> str:  # pragma: no cover
        return "NOT_LITERAL"


NOT_LITERAL: Any = _NotLiteral()


def literal_value(node: cst.BaseExpression) -> Any:
    """Python value of a literal expression (str, int, float, bool, None, and negatives), else NOT_LITERAL."""
    if isinstance(node, cst.Name) and node.value in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[node.value]
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        v = node.evaluated_value
        return v if v is not None else NOT_LITERAL
    if isinstance(node, cst.Integer):
        return int(node.value.replace("_", ""), 0)
    if isinstance(node, cst.Float):
        return float(node.value.replace("_", ""))
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = literal_value(node.expression)
        return -inner if isinstance(inner, (int, float)) and not isinstance(inner, bool) else NOT_LITERAL
    return NOT_LITERAL


# -- layout of calls that fixes made long -----------------------------------------------------------


def lay_out_edit(ctx: FileContext, node: cst.Call) -> Edit:
    """An edit (to put after the fix's other edits on ``node``) that lays the call out one
    argument per line, and its long nested calls too (``deploy_options=apigw.StageOptions(...)``),
    where they no longer fit the line length: the engine lays out only a statement's outer call."""
    stmt = ctx.statement_of(node)
    block = ctx.position(stmt)[1] - 1 if stmt is not None else 0
    prefix = ctx.position(node)[1] - 1 - block
    width = int(ctx.settings.get("line-length") or 100) - block
    indent = ctx.module.default_indent
    # the arguments as written are left as they are, even when too long: the fix did not touch them
    written = frozenset(ctx.module.code_for_node(a.with_changes(comma=cst.MaybeSentinel.DEFAULT)) for a in node.args)

    def lay_out(n: cst.CSTNode) -> cst.CSTNode:
        if not isinstance(n, cst.Call):
            raise E.EditError("expected a call")
        return E.lay_out_nested(n, indent, width, prefix=prefix, written=written)

    return Edit(node, replace=lay_out)

