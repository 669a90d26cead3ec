from __future__ import annotations

import builtins
import sys
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

import libcst as cst

from remediator.analysis.cdk_facts import CONSTRUCT_BASES
from remediator.analysis.context import NOT_LITERAL, FileContext, literal_value
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier

#: ``self.node.<name>`` uses that neither change the construct tree nor depend on its order
NODE_PURE = frozenset({"try_get_context", "get_context", "path", "id", "addr"})
#: inherited ``self.<name>(...)`` methods of Stack that change nothing
STACK_PURE_METHODS = frozenset({
    "format_arn", "split_arn", "resolve", "to_json_string", "to_yaml_string", "get_logical_id",
})
PROPERTY_DECORATORS = frozenset({"property", "cached_property", "functools.cached_property"})
UNKNOWN: Any = NOT_LITERAL


@dataclass
class Read:
    node: cst.CSTNode  #: where the read happens, as seen from the caller (the call, or the attribute)
    via: tuple[str, ...] = ()  #: the chain of methods/functions it happens in


@dataclass
class Effects:
    """What running a piece of code does to ``self``, as far as the source shows."""

    exposed: dict[str, Read] = field(default_factory=dict)  #: attributes read before this code assigns them
    reads: set[str] = field(default_factory=set)  #: every attribute read (incl. deferred code)
    assigns: set[str] = field(default_factory=set)  #: attributes it may assign
    definite: set[str] = field(default_factory=set)  #: attributes it assigns on every path
    mutates: set[str] = field(default_factory=set)  #: attributes whose objects it changes (method calls...)
    names_read: set[str] = field(default_factory=set)  #: local names (only for ``__init__`` statements)
    names_bound: set[str] = field(default_factory=set)
    names_mutated: set[str] = field(default_factory=set)
    opaque: list[str] = field(default_factory=list)  #: why the code may do things we cannot see
    dynamic: list[str] = field(default_factory=list)  #: attributes reached by computed names
    stack_effects: list[str] = field(default_factory=list)  #: changes to the stack itself (node, super)
    #: functions of other modules of the project (or local closures) it calls: they may keep state
    #: (a counter numbering construct ids), so two statements calling one keep their order
    foreign_calls: set[str] = field(default_factory=set)
    terminates: bool = False  #: every path returns or raises

    def add_call(self, other: "Effects", at: cst.CSTNode, label: str) -> None:
        for attr, read in other.exposed.items():
            if attr not in self.definite and attr not in self.exposed:
                self.exposed[attr] = Read(at, (label, *read.via))
        self.definite |= other.definite
        self.absorb(other)

    def absorb(self, other: "Effects") -> None:
        """Take in what ``other`` may read, assign or change (``exposed``/``definite`` are the caller's)."""
        self.reads |= other.reads
        self.names_read |= other.names_read  # module-level names (see _Analyzer.call_function)
        self.names_bound |= other.names_bound
        self.names_mutated |= other.names_mutated
        self.foreign_calls |= other.foreign_calls
        self.assigns |= other.assigns
        self.mutates |= other.mutates
        self.opaque += [o for o in other.opaque if o not in self.opaque]
        self.dynamic += [o for o in other.dynamic if o not in self.dynamic]
        self.stack_effects += [s for s in other.stack_effects if s not in self.stack_effects]


def _root(expr: cst.BaseExpression) -> cst.BaseExpression:
    while isinstance(expr, (cst.Attribute, cst.Subscript, cst.Call)):
        expr = expr.value if not isinstance(expr, cst.Call) else expr.func
    return expr


def _decorator_names(fn: cst.FunctionDef) -> set[str]:
    out = set()
    for d in fn.decorators:
        expr = d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator
        parts = []
        while isinstance(expr, cst.Attribute):
            parts.append(expr.attr.value)
            expr = expr.value
        if isinstance(expr, cst.Name):
            parts.append(expr.value)
        out.add(".".join(reversed(parts)))
    return out


def _bound_names(target: cst.CSTNode) -> set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        out: set[str] = set()
        for el in target.elements:
            out |= _bound_names(el.value)
        return out
    if isinstance(target, cst.StarredElement):
        return _bound_names(target.value)
    return set()


def _names_assigned_in(fn: cst.FunctionDef) -> set[str]:
    """Every name a function body binds (parameters reassigned there lose their known value)."""
    out: set[str] = set()

    class V(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            out.update(_bound_names(node.target))

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            out.update(_bound_names(node.target))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            out.update(_bound_names(node.target))

        def visit_For(self, node: cst.For) -> None:
            out.update(_bound_names(node.target))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            out.update(_bound_names(node.target))

    fn.body.visit(V())
    return out


_BUILTINS = frozenset(dir(builtins))


def _foreign_imports(module: cst.Module) -> tuple[set[str], set[str]]:
    """Names the module imports from modules that are neither the standard library nor
    aws-cdk-lib / constructs (the project's own code, whose functions cannot be followed), and
    every imported name."""
    out: set[str] = set()
    every: set[str] = set()
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    mod = dotted_name(alias.name) or ""
                    if not _library(mod):
                        n = alias.asname.name if alias.asname is not None else alias.name
                        while isinstance(n, cst.Attribute):
                            n = n.value
                        if isinstance(n, cst.Name):
                            out.add(n.value)
                    n = alias.asname.name if alias.asname is not None else alias.name
                    while isinstance(n, cst.Attribute):
                        n = n.value
                    if isinstance(n, cst.Name):
                        every.add(n.value)
            elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                mod = dotted_name(small.module) if small.module is not None else ""
                foreign = bool(small.relative) or not _library(mod or "")
                for alias in small.names:
                    n = alias.asname.name if alias.asname is not None else alias.name
                    if isinstance(n, cst.Name):
                        every.add(n.value)
                        if foreign:
                            out.add(n.value)
    return out, every


def _from_imported(module: cst.Module) -> set[str]:
    out: set[str] = set()
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                    for alias in small.names:
                        n = alias.asname.name if alias.asname is not None else alias.name
                        if isinstance(n, cst.Name):
                            out.add(n.value)
    return out


def _library(module: str) -> bool:
    root = module.split(".", 1)[0]
    return root in sys.stdlib_module_names or root in ("aws_cdk", "constructs", "__future__", "typing_extensions")


def _local_names(fn: cst.FunctionDef) -> set[str]:
    """The names local to a function: its parameters and what it binds, less ``global``/``nonlocal``."""
    p = fn.params
    out = {q.name.value for q in [*p.posonly_params, *p.params, *p.kwonly_params]}
    for star in (p.star_arg, p.star_kwarg):
        if isinstance(star, cst.Param):
            out.add(star.name.value)
    out |= _names_assigned_in(fn)
    declared: set[str] = set()

    class V(cst.CSTVisitor):
        def visit_Global(self, node: cst.Global) -> None:
            declared.update(n.name.value for n in node.names)

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            declared.update(n.name.value for n in node.names)

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            out.add(node.name.value)
            return node is fn

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            out.add(node.name.value)
            return False

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            n = node.asname.name if node.asname is not None else node.name
            while isinstance(n, cst.Attribute):
                n = n.value
            if isinstance(n, cst.Name):
                out.add(n.value)

        def visit_AsName(self, node: cst.AsName) -> None:
            out.update(_bound_names(node.name))

    fn.visit(V())
    out.discard(fn.name.value)
    return out - declared


class _ClassModel:
    """The methods and class-level attributes of one construct class (and its local bases)."""

    def __init__(self, cls: cst.ClassDef, bases: Sequence["_ClassModel"], cdk_bases: Sequence[str] = ()) -> None:
        self.cls = cls
        #: the aws-cdk-lib / constructs classes it derives from (their attributes always exist)
        self.cdk_bases: set[str] = set(cdk_bases)
        self.methods: dict[str, cst.FunctionDef] = {}
        self.properties: set[str] = set()
        self.class_attrs: set[str] = set()
        self.inherited_attrs: set[str] = set()
        for base in bases:
            self.cdk_bases |= base.cdk_bases
            self.methods.update(base.methods)
            self.properties |= base.properties
            self.class_attrs |= base.class_attrs
            self.inherited_attrs |= base.assigned_anywhere()
        for stmt in cls.body.body:
            if isinstance(stmt, cst.FunctionDef):
                self.methods[stmt.name.value] = stmt
                if _decorator_names(stmt) & PROPERTY_DECORATORS:
                    self.properties.add(stmt.name.value)
            elif isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Assign):
                        for t in small.targets:
                            self.class_attrs |= _bound_names(t.target)
                    elif isinstance(small, cst.AnnAssign) and small.value is not None:
                        self.class_attrs |= _bound_names(small.target)

    def assigned_anywhere(self) -> set[str]:
        out: set[str] = set(self.inherited_attrs)
        for fn in self.methods.values():
            selfname = _first_param(fn)

            class V(cst.CSTVisitor):
                def visit_Attribute(self, node: cst.Attribute) -> None:
                    if isinstance(node.value, cst.Name) and node.value.value == selfname:
                        out.add(node.attr.value)

            if selfname:
                fn.body.visit(V())
        return out


def _first_param(fn: cst.FunctionDef) -> str | None:
    params = [*fn.params.posonly_params, *fn.params.params]
    return params[0].name.value if params else None


class _Analyzer:
    """Abstract interpretation of method bodies: which ``self`` attributes they read and assign.

    Calls between methods of the class (``self.m(...)``), reads of properties and calls of
    module-level functions that receive ``self`` are followed. Parameters bound to literals at the
    call site (or by literal defaults) are known, so a branch guarded by them (``if not
    is_log_bucket:``) is taken or skipped exactly; every other branch is assumed to run.
    """

    def __init__(self, ctx: FileContext, model: _ClassModel, functions: dict[str, cst.FunctionDef],
                 classes: dict[str, cst.ClassDef]) -> None:
        self.ctx = ctx
        self.model = model
        self.functions = functions
        self.classes = classes
        self._foreign = 0  #: >0 while following the __init__ of another class that received self
        self._cache: dict[tuple, Effects] = {}
        self._active: set[tuple] = set()
        self.foreign, self.imported = _foreign_imports(ctx.module)
        #: `import os`, `import json as j`: calling their functions changes no object of ours
        self.library_modules = self.imported - self.foreign - _from_imported(ctx.module)
        self.closures: set[str] = set()  #: functions and classes defined inside methods

    # -- entry points ---------------------------------------------------------------------------
    def call_function(self, fn: cst.FunctionDef, args: Sequence[cst.Arg], selfpos: set[str] | None,
                      caller_env: dict[str, Any], bound_self: bool, skip_first: bool = False) -> Effects:
        """Effects of calling ``fn`` with ``args``. ``bound_self``: the first parameter is ``self``;
        ``skip_first``: the first parameter is another object's ``self`` (a constructor)."""
        params = [*fn.params.posonly_params, *fn.params.params]
        selfnames: set[str] = set()
        env: dict[str, Any] = {}
        if (bound_self or skip_first) and params:
            if bound_self:
                selfnames.add(params[0].name.value)
            params = params[1:]
        for p in [*params, *fn.params.kwonly_params]:
            if p.default is not None:
                v = literal_value(p.default)
                if v is not NOT_LITERAL:
                    env[p.name.value] = v
        positional = [a for a in args if a.keyword is None and not a.star]
        for p, a in zip(params, positional):
            self._bind(p.name.value, a.value, env, selfnames, selfpos, caller_env)
        for a in args:
            if a.keyword is not None:
                self._bind(a.keyword.value, a.value, env, selfnames, selfpos, caller_env)
        if any(a.star for a in args):  # *args/**kwargs may set any parameter: none is known
            env.clear()
        for name in _names_assigned_in(fn):
            env.pop(name, None)
            selfnames.discard(name)
        key = (id(fn), tuple(sorted((k, repr(v)) for k, v in env.items())), tuple(sorted(selfnames)))
        if key in self._cache:
            return self._cache[key]
        if key in self._active:  # recursion: its effects are being collected already
            return Effects()
        self._active.add(key)
        try:
            fx = Effects()
            self.block(fn.body, fx, env, selfnames)
        finally:
            self._active.discard(key)
        # only the module-level names it uses or changes matter to the caller (a global counter
        # numbering construct ids makes the order of the calls matter)
        local = _local_names(fn)
        fx.names_read -= local
        fx.names_bound -= local
        fx.names_mutated -= local
        self._cache[key] = fx
        return fx

    @staticmethod
    def _bind(name: str, value: cst.BaseExpression, env: dict[str, Any], selfnames: set[str],
              selfpos: set[str] | None, caller_env: dict[str, Any]) -> None:
        if isinstance(value, cst.Name) and selfpos is not None and value.value in selfpos:
            selfnames.add(name)
            env.pop(name, None)
            return
        v = _evaluate(value, caller_env)
        if v is not UNKNOWN:
            env[name] = v
        else:
            env.pop(name, None)

    # -- statements -------------------------------------------------------------------------------
    def block(self, body: cst.BaseSuite, fx: Effects, env: dict[str, Any], selfnames: set[str]) -> None:
        stmts: Sequence[cst.CSTNode]
        if isinstance(body, cst.IndentedBlock):
            stmts = body.body
        elif isinstance(body, cst.SimpleStatementSuite):
            stmts = body.body
        else:
            stmts = [body]
        for stmt in stmts:
            self.statement(stmt, fx, env, selfnames)
            if fx.terminates:
                return

    def statement(self, stmt: cst.CSTNode, fx: Effects, env: dict[str, Any], selfnames: set[str],
                  deferred: bool = False) -> None:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                self.small(small, fx, env, selfnames, deferred)
                if fx.terminates:
                    return
        elif isinstance(stmt, cst.BaseSmallStatement):
            self.small(stmt, fx, env, selfnames, deferred)
        elif isinstance(stmt, cst.If):
            self.expr(stmt.test, fx, env, selfnames, deferred)
            known = _evaluate(stmt.test, env)
            if known is not UNKNOWN:
                if known:
                    self.block(stmt.body, fx, env, selfnames)
                elif isinstance(stmt.orelse, cst.Else):
                    self.block(stmt.orelse.body, fx, env, selfnames)
                elif isinstance(stmt.orelse, cst.If):
                    self.statement(stmt.orelse, fx, env, selfnames, deferred)
                return
            branches = [stmt.body]
            orelse = stmt.orelse
            if isinstance(orelse, cst.Else):
                branches.append(orelse.body)
            elif isinstance(orelse, cst.If):
                branches.append(orelse)
            outs = []
            present, absent = _hasattr_guards(stmt.test, selfnames)
            for n, b in enumerate(branches):
                sub = Effects(definite=set(fx.definite) | (present if n == 0 else absent))
                if isinstance(b, cst.If):
                    self.statement(b, sub, dict(env), selfnames, deferred)
                else:
                    self.block(b, sub, dict(env), selfnames)
                outs.append(sub)
            if len(outs) == 1:  # no else: the body may not run
                outs.append(Effects(definite=set(fx.definite)))
            self._merge_branches(fx, outs, stmt)
        elif isinstance(stmt, (cst.For, cst.While)):
            if isinstance(stmt, cst.For):
                self.expr(stmt.iter, fx, env, selfnames, deferred)
                self._target(stmt.target, fx, env, selfnames)
            else:
                self.expr(stmt.test, fx, env, selfnames, deferred)
            sub = Effects(definite=set(fx.definite))
            self.block(stmt.body, sub, dict(env), selfnames)
            if stmt.orelse is not None:
                self.block(stmt.orelse.body, sub, dict(env), selfnames)
            self._merge_branches(fx, [sub, Effects(definite=set(fx.definite))], stmt)
        elif isinstance(stmt, cst.Try):
            sub = Effects(definite=set(fx.definite))
            self.block(stmt.body, sub, dict(env), selfnames)
            if any(_catches_attribute_error(h) for h in stmt.handlers):
                sub.reads |= set(sub.exposed)  # `try: self.x ... except AttributeError:` is a guard
                sub.exposed = {}
            outs = [sub]
            for h in stmt.handlers:
                hs = Effects(definite=set(fx.definite))
                self.block(h.body, hs, dict(env), selfnames)
                outs.append(hs)
            if stmt.orelse is not None:
                self.block(stmt.orelse.body, sub, dict(env), selfnames)
            self._merge_branches(fx, outs + [Effects(definite=set(fx.definite))], stmt)
            if stmt.finalbody is not None:
                self.block(stmt.finalbody.body, fx, env, selfnames)
        elif isinstance(stmt, cst.With):
            for item in stmt.items:
                self.expr(item.item, fx, env, selfnames, deferred)
                if item.asname is not None:
                    self._target(item.asname.name, fx, env, selfnames)
            self.block(stmt.body, fx, env, selfnames)
        elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            fx.names_bound.add(stmt.name.value)
            self.closures.add(stmt.name.value)
            sub = Effects()  # runs later (if at all): its reads matter for safety only
            body_env: dict[str, Any] = {}
            self.block(stmt.body, sub, body_env, selfnames)
            fx.reads |= sub.reads | set(sub.exposed)
            fx.assigns |= sub.assigns
            fx.mutates |= sub.mutates
            fx.opaque += sub.opaque
            fx.dynamic += sub.dynamic
            fx.stack_effects += sub.stack_effects
        else:  # match and anything newer: assume it may do anything with self
            fx.opaque.append(f"a `{type(stmt).__name__}` statement")

    def _merge_branches(self, fx: Effects, outs: list[Effects], at: cst.CSTNode) -> None:
        for o in outs:
            for attr, read in o.exposed.items():
                if attr not in fx.exposed and attr not in fx.definite:
                    fx.exposed[attr] = read
            fx.absorb(o)
        live = [o for o in outs if not o.terminates]
        if live:
            common = set.intersection(*(o.definite for o in live))
            fx.definite |= common
        else:
            fx.terminates = True

    def small(self, small: cst.BaseSmallStatement, fx: Effects, env: dict[str, Any], selfnames: set[str],
              deferred: bool) -> None:
        if isinstance(small, cst.Assign):
            self.expr(small.value, fx, env, selfnames, deferred)
            for t in small.targets:
                self._target(t.target, fx, env, selfnames)
            if len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
                name = small.targets[0].target.value
                if isinstance(small.value, cst.Name) and small.value.value in selfnames:
                    selfnames.add(name)  # an alias of self
                else:
                    selfnames.discard(name)
        elif isinstance(small, cst.AnnAssign):
            if small.value is not None:
                self.expr(small.value, fx, env, selfnames, deferred)
                self._target(small.target, fx, env, selfnames)
        elif isinstance(small, cst.AugAssign):
            self.expr(small.target, fx, env, selfnames, deferred)  # read first
            self.expr(small.value, fx, env, selfnames, deferred)
            self._target(small.target, fx, env, selfnames)
        elif isinstance(small, cst.Expr):
            self.expr(small.value, fx, env, selfnames, deferred)
        elif isinstance(small, cst.Return):
            if small.value is not None:
                self.expr(small.value, fx, env, selfnames, deferred)
            fx.terminates = True
        elif isinstance(small, cst.Raise):
            if small.exc is not None:
                self.expr(small.exc, fx, env, selfnames, deferred)
            fx.terminates = True
        elif isinstance(small, cst.Assert):
            self.expr(small.test, fx, env, selfnames, deferred)
        elif isinstance(small, cst.Del):
            targets = small.target.elements if isinstance(small.target, (cst.Tuple, cst.List)) else [small.target]
            for el in targets:
                t = el.value if isinstance(el, cst.BaseElement) else el
                if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.value.value in selfnames:
                    # `del self.x` needs x (AttributeError otherwise) and removes it: not an assignment,
                    # and nothing is moved across it
                    self._read(t.attr.value, t, fx, deferred)
                    fx.definite.discard(t.attr.value)
                    fx.stack_effects.append(f"deletes `self.{t.attr.value}`")
                else:
                    self._target(t, fx, env, selfnames)
        elif isinstance(small, (cst.Import, cst.ImportFrom)):
            names = small.names if not isinstance(small.names, cst.ImportStar) else ()
            for alias in names:
                if alias.asname is not None:
                    fx.names_bound |= _bound_names(alias.asname.name)
                else:
                    n = alias.name
                    while isinstance(n, cst.Attribute):
                        n = n.value
                    if isinstance(n, cst.Name):
                        fx.names_bound.add(n.value)
        # pass, break, continue, global, nonlocal: nothing to see

    def _target(self, target: cst.BaseExpression, fx: Effects, env: dict[str, Any], selfnames: set[str]) -> None:
        if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and target.value.value in selfnames:
            attr = target.attr.value
            fx.assigns.add(attr)
            fx.definite.add(attr)
            return
        if isinstance(target, (cst.Tuple, cst.List)):
            for el in target.elements:
                self._target(el.value, fx, env, selfnames)
            return
        if isinstance(target, cst.StarredElement):
            self._target(target.value, fx, env, selfnames)
            return
        if isinstance(target, cst.Name):
            fx.names_bound.add(target.value)
            env.pop(target.value, None)
            return
        if isinstance(target, (cst.Attribute, cst.Subscript)):
            # ``x.y = v`` / ``x[k] = v``: reads x and changes the object it names
            self.expr(target.value, fx, env, selfnames, False)
            if isinstance(target, cst.Subscript):
                for el in target.slice:
                    self.expr(el, fx, env, selfnames, False)
            self._mutation(target.value, fx, selfnames)

    def _mutation(self, receiver: cst.BaseExpression, fx: Effects, selfnames: set[str]) -> None:
        """``receiver`` (an object expression) is changed in place."""
        chain = receiver
        while isinstance(chain, (cst.Subscript, cst.Call)):
            chain = chain.value if isinstance(chain, cst.Subscript) else chain.func
        if isinstance(chain, cst.Name):
            if chain.value not in selfnames and chain.value not in self.ctx.imports.aliases \
                    and chain.value not in self.library_modules:
                fx.names_mutated.add(chain.value)
            return
        # find the attribute just below self: self.a.b.c -> a
        node = chain
        while isinstance(node, cst.Attribute):
            inner = node.value
            while isinstance(inner, (cst.Subscript, cst.Call)):
                inner = inner.value if isinstance(inner, cst.Subscript) else inner.func
            if isinstance(inner, cst.Name):
                if inner.value in selfnames:
                    if node.attr.value == "node":
                        fx.stack_effects.append("changes `self.node`")
                    else:
                        fx.mutates.add(node.attr.value)
                elif inner.value not in self.ctx.imports.aliases and inner.value not in self.library_modules:
                    fx.names_mutated.add(inner.value)
                return
            node = inner

    # -- expressions ------------------------------------------------------------------------------
    def expr(self, node: cst.CSTNode | None, fx: Effects, env: dict[str, Any], selfnames: set[str],
             deferred: bool) -> None:
        if node is None:
            return
        if isinstance(node, cst.Name):
            fx.names_read.add(node.value)
            return
        if isinstance(node, cst.Attribute):
            self._attribute(node, fx, env, selfnames, deferred)
            return
        if isinstance(node, cst.Call):
            self._call(node, fx, env, selfnames, deferred)
            return
        if isinstance(node, cst.Lambda):
            sub = Effects()
            self.expr(node.body, sub, {}, selfnames, True)
            fx.reads |= sub.reads | set(sub.exposed)
            fx.names_read |= sub.names_read
            fx.opaque += [x for x in sub.opaque if x not in fx.opaque]
            fx.dynamic += [x for x in sub.dynamic if x not in fx.dynamic]
            fx.stack_effects += [x for x in sub.stack_effects if x not in fx.stack_effects]
            return
        if isinstance(node, cst.IfExp):
            self.expr(node.test, fx, env, selfnames, deferred)
            known = _evaluate(node.test, env)
            if known is not UNKNOWN:
                self.expr(node.body if known else node.orelse, fx, env, selfnames, deferred)
                return
            present, absent = _hasattr_guards(node.test, selfnames)  # `self.x if hasattr(self, "x") else None`
            a, b = Effects(definite=set(fx.definite) | present), Effects(definite=set(fx.definite) | absent)
            self.expr(node.body, a, env, selfnames, deferred)
            self.expr(node.orelse, b, env, selfnames, deferred)
            self._merge_branches(fx, [a, b], node)
            return
        if isinstance(node, cst.BooleanOperation):  # `hasattr(self, "x") and self.x`: the right side may not run
            self.expr(node.left, fx, env, selfnames, deferred)
            present, absent = _hasattr_guards(node.left, selfnames)
            right = Effects(definite=set(fx.definite) | (present if isinstance(node.operator, cst.And) else absent))
            self.expr(node.right, right, env, selfnames, deferred)
            self._merge_branches(fx, [right, Effects(definite=set(fx.definite))], node)
            return
        if isinstance(node, cst.NamedExpr):
            self.expr(node.value, fx, env, selfnames, deferred)
            self._target(node.target, fx, env, selfnames)
            return
        if isinstance(node, cst.Arg):
            self.expr(node.value, fx, env, selfnames, deferred)
            return
        for child in node.children:
            if isinstance(child, (cst.BaseExpression, cst.Arg, cst.BaseElement, cst.BaseDictElement, cst.CompFor,
                                  cst.CompIf, cst.Index, cst.Slice, cst.SubscriptElement, cst.FormattedStringExpression,
                                  cst.BaseFormattedStringContent, cst.ComparisonTarget)):
                self.expr(child, fx, env, selfnames, deferred)

    def _given(self, value: cst.BaseExpression, fx: Effects, selfnames: set[str]) -> None:
        """``value`` is handed to code that may change it: a local name or ``self.<attr>``."""
        if isinstance(value, cst.Name) and value.value not in selfnames and value.value not in self.ctx.imports.aliases \
                and value.value not in ("True", "False", "None"):
            fx.names_mutated.add(value.value)
        elif isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value in selfnames:
            if value.attr.value not in self.model.methods:
                fx.mutates.add(value.attr.value)

    def _constructor(self, name: str) -> cst.FunctionDef | None:
        cls = self.classes[name]
        return next((s for s in cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"), None)

    def _read(self, attr: str, at: cst.CSTNode, fx: Effects, deferred: bool) -> None:
        fx.reads.add(attr)
        if not deferred and attr not in fx.definite and attr not in fx.exposed:
            fx.exposed[attr] = Read(at)

    def _attribute(self, node: cst.Attribute, fx: Effects, env: dict[str, Any], selfnames: set[str],
                   deferred: bool) -> None:
        base = node.value
        if isinstance(base, cst.Name) and base.value in selfnames:
            attr = node.attr.value
            if attr in self.model.properties:
                getter = self.model.methods[attr]
                sub = self.call_function(getter, [], None, env, bound_self=True)
                self._merge_call(fx, sub, node, attr, deferred)
            elif attr in self.model.methods:
                pass  # a bound method taken as a value: it runs later, if at all
            elif attr == "__dict__":
                fx.dynamic.append("`self.__dict__`")
            else:
                self._read(attr, node, fx, deferred)
            return
        # self.node.<x>
        if (isinstance(base, cst.Attribute) and isinstance(base.value, cst.Name) and base.value.value in selfnames
                and base.attr.value == "node"):
            if node.attr.value not in NODE_PURE:
                fx.stack_effects.append(f"uses `self.node.{node.attr.value}`")
            return
        self.expr(base, fx, env, selfnames, deferred)

    def _merge_call(self, fx: Effects, sub: Effects, at: cst.CSTNode, label: str, deferred: bool) -> None:
        if deferred:
            fx.reads |= sub.reads | set(sub.exposed)
            fx.names_read |= sub.names_read | sub.names_bound | sub.names_mutated
            fx.assigns |= sub.assigns
            fx.mutates |= sub.mutates
            fx.opaque += [x for x in sub.opaque if x not in fx.opaque]
            fx.dynamic += [x for x in sub.dynamic if x not in fx.dynamic]
            fx.stack_effects += [x for x in sub.stack_effects if x not in fx.stack_effects]
            return
        fx.add_call(sub, at, label)

    def _call(self, call: cst.Call, fx: Effects, env: dict[str, Any], selfnames: set[str], deferred: bool) -> None:
        func = call.func
        args = list(call.args)
        # builtins that reach attributes by name
        if isinstance(func, cst.Name) and func.value in ("getattr", "setattr", "hasattr", "delattr") and args \
                and isinstance(args[0].value, cst.Name) and args[0].value.value in selfnames:
            for a in args[1:]:
                self.expr(a.value, fx, env, selfnames, deferred)
            name = literal_value(args[1].value) if len(args) > 1 else NOT_LITERAL
            if not isinstance(name, str):
                fx.dynamic.append(f"`{func.value}(self, ...)` with a computed attribute name")
            elif func.value == "setattr":
                fx.assigns.add(name)
                fx.definite.add(name)
            elif func.value == "getattr" and len(args) < 3:
                self._read(name, call, fx, deferred)
            else:  # hasattr, getattr with a default, delattr: no AttributeError, but the value matters
                fx.reads.add(name)
                if func.value == "delattr":
                    fx.assigns.add(name)
            return
        if isinstance(func, cst.Name) and func.value == "vars" and args and isinstance(args[0].value, cst.Name) \
                and args[0].value.value in selfnames:
            fx.dynamic.append("`vars(self)`")
            return
        # self.method(...)
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in selfnames:
            for a in args:
                self.expr(a.value, fx, env, selfnames, deferred)
                self._given(a.value, fx, selfnames)
            name = func.attr.value
            method = self.model.methods.get(name)
            if method is not None and name not in self.model.properties:
                static = "staticmethod" in _decorator_names(method)  # its first parameter is not self
                sub = self.call_function(method, args, selfnames, env, bound_self=not static)
                self._merge_call(fx, sub, call, f"{name}()", deferred)
            elif name not in STACK_PURE_METHODS:
                fx.stack_effects.append(f"calls `self.{name}()`")
            return
        # super().__init__(...) and other super() calls
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Call) and isinstance(func.value.func, cst.Name) \
                and func.value.func.value == "super":
            for a in args:
                self.expr(a.value, fx, env, selfnames, deferred)
            if not self._foreign:
                fx.stack_effects.append(f"calls `super().{func.attr.value}()`")
            return
        self.expr(func, fx, env, selfnames, deferred)
        for a in args:
            self.expr(a.value, fx, env, selfnames, deferred)
        passes_self = [a for a in args if isinstance(a.value, cst.Name) and a.value.value in selfnames]
        qual = self.ctx.qualname(func)
        root = _root(func)
        if isinstance(func, cst.Name) and func.value in self.closures and not deferred:
            fx.opaque.append(f"calls the local function `{func.value}`, which cannot be followed")
        if qual is None and isinstance(root, cst.Name) and not deferred and (
                root.value in self.foreign or (func is root and root.value not in self.functions
                                               and root.value not in self.classes and root.value not in _BUILTINS
                                               and root.value not in self.imported)):
            fx.foreign_calls.add(self.ctx.module.code_for_node(func))
        if not (qual and (qual.startswith("aws_cdk.") or qual.startswith("constructs."))):
            # code of ours (or unknown) may change the objects it is given; aws-cdk-lib resolves
            # what it is given lazily, at synth, so the order of CDK calls does not matter
            for a in args:
                if not (isinstance(a.value, cst.Name) and a.value.value in selfnames):
                    self._given(a.value, fx, selfnames)
        if isinstance(func, cst.Name) and func.value in self.functions and qual is None:
            sub = self.call_function(self.functions[func.value], args, selfnames, env, bound_self=False)
            self._merge_call(fx, sub, call, f"{func.value}()", deferred)
        elif (passes_self and isinstance(func, cst.Name) and func.value in self.classes and qual is None
              and self._constructor(func.value) is not None):
            self._foreign += 1
            try:
                sub = self.call_function(self._constructor(func.value), args, selfnames, env,  # type: ignore[arg-type]
                                         bound_self=False, skip_first=True)
            finally:
                self._foreign -= 1
            self._merge_call(fx, sub, call, f"{func.value}()", deferred)
        elif passes_self and not (qual and (qual.startswith("aws_cdk.") or qual.startswith("constructs."))):
            fx.opaque.append(f"passes `self` to `{self.ctx.module.code_for_node(func)}`, which cannot be followed")
        # a method call on an object changes that object (conservatively); self.node is handled above
        if isinstance(func, cst.Attribute) and qual is None:
            receiver = func.value
            on_node = (isinstance(receiver, cst.Attribute) and receiver.attr.value == "node"
                       and isinstance(receiver.value, cst.Name) and receiver.value.value in selfnames)
            if not on_node:
                self._mutation(receiver, fx, selfnames)


def _evaluate(expr: cst.BaseExpression, env: dict[str, Any]) -> Any:
    """The value of a test built from literals and known parameters, else UNKNOWN."""
    v = literal_value(expr)
    if v is not NOT_LITERAL:
        return v
    if isinstance(expr, cst.Name):
        return env.get(expr.value, UNKNOWN)
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Not):
        inner = _evaluate(expr.expression, env)
        return UNKNOWN if inner is UNKNOWN else not inner
    if isinstance(expr, cst.BooleanOperation):
        left = _evaluate(expr.left, env)
        if left is UNKNOWN:
            return UNKNOWN
        if isinstance(expr.operator, cst.And):
            return left if not left else _evaluate(expr.right, env)
        return left if left else _evaluate(expr.right, env)
    if isinstance(expr, cst.Comparison) and len(expr.comparisons) == 1:
        left = _evaluate(expr.left, env)
        right = _evaluate(expr.comparisons[0].comparator, env)
        if left is UNKNOWN or right is UNKNOWN:
            return UNKNOWN
        op = expr.comparisons[0].operator
        try:
            if isinstance(op, cst.Equal):
                return left == right
            if isinstance(op, cst.NotEqual):
                return left != right
            if isinstance(op, cst.Is):
                return left is right if right is None or isinstance(right, bool) else UNKNOWN
            if isinstance(op, cst.IsNot):
                return left is not right if right is None or isinstance(right, bool) else UNKNOWN
        except Exception:  # noqa: BLE001 - comparing odd literals: unknown
            return UNKNOWN
    return UNKNOWN


def _hasattr_guards(test: cst.BaseExpression, selfnames: set[str]) -> tuple[set[str], set[str]]:
    """Attributes a test proves present in its true branch (``hasattr(self, "x") and ...``) and in
    its false branch (``not hasattr(self, "x")``)."""
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "hasattr" \
            and len(test.args) == 2 and isinstance(test.args[0].value, cst.Name) and test.args[0].value.value in selfnames:
        name = literal_value(test.args[1].value)
        return ({name}, set()) if isinstance(name, str) else (set(), set())
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        yes, no = _hasattr_guards(test.expression, selfnames)
        return no, yes
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _hasattr_guards(test.left, selfnames)[0] | _hasattr_guards(test.right, selfnames)[0], set()
    return set(), set()


def _catches_attribute_error(handler: cst.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    types = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type]
    for t in types:
        expr = t.value if isinstance(t, cst.Element) else t
        if isinstance(expr, cst.Name) and expr.value in ("AttributeError", "Exception", "BaseException"):
            return True
    return False


def _kind(stmt: cst.CSTNode) -> str:
    return {cst.If: "an `if` block", cst.For: "a `for` loop", cst.While: "a `while` loop", cst.Try: "a `try` block",
            cst.With: "a `with` block", cst.FunctionDef: "a `def`", cst.ClassDef: "a `class`"}.get(
        type(stmt), f"a `{type(stmt).__name__}` statement")


@dataclass
class _Problem:
    attr: str
    reader: int  #: index of the reading statement in __init__
    assigner: int  #: index of the first later statement that assigns
    read: Read
    blocker: str | None  #: why the assignment cannot be moved (None: it can)


class AttributeUsedBeforeAssignment(Rule):
    """
    ## What it does
    In a construct class (`Stack`, `NestedStack`, `Stage` or `Construct` subclass), finds a
    statement of `__init__` that reads `self.x` — directly, or inside a method of the class it
    calls, however deep — while `self.x` is assigned only by a later statement of `__init__`.
    Calls between methods of the class, property getters and module-level functions that receive
    `self` are followed. When a method's parameters are literals at the call site (or literal
    defaults), branches guarded by them are resolved exactly (`if not is_log_bucket:` is skipped
    for `is_log_bucket=True`, so `self.logs_bucket = self._create_bucket("logs",
    is_log_bucket=True)` does not read its own target); every other branch is assumed to run, so
    a read anywhere else in a called method counts as a read (conservative). Reads inside lambdas
    and nested functions run later and do not count; `hasattr(self, "x")`, `getattr(self, "x",
    default)` and `try: ... except AttributeError:` guard a read. Attributes of the CDK base class
    (`self.node`, `self.region`...), class-level defaults and attributes set by a base class of the
    same file are never missing.

    ## Why is this bad?
    The stack's `__init__` runs while the app is synthesized: reading an attribute before it is
    assigned raises `AttributeError` and nothing synthesizes. AI-drafted stacks often create a
    helper's dependencies in the wrong order, e.g. a bucket factory that sets
    `server_access_logs_bucket=self.logs_bucket` is called for the data bucket before the logs
    bucket exists.

    ## Example
    ```python
    class StorageStack(Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            self.data_bucket = self._create_bucket("data")
            self.logs_bucket = self._create_bucket("logs", is_log_bucket=True)

        def _create_bucket(self, name, is_log_bucket=False):
            if is_log_bucket:
                return s3.Bucket(self, "LogsBucket")
            return s3.Bucket(self, f"{name}Bucket", server_access_logs_bucket=self.logs_bucket)
    ```
    Use instead:
    ```python
            self.logs_bucket = self._create_bucket("logs", is_log_bucket=True)
            self.data_bucket = self._create_bucket("data")
    ```

    ## Fix safety
    Safe: the assigning statement is moved up to just before its first reader only when that is
    proven harmless: it is a simple statement (never moved across an `if`/`for`/`while`/`try`/
    `with` block), nothing it reads (attributes of `self`, local names) is assigned between the
    new and the old position, no statement in between changes an object it uses (a method call on
    it, an attribute or item assignment, or handing it to a method or function of our own; calls
    into aws-cdk-lib are not counted, since CDK resolves what it is given lazily at synth) or the
    stack itself (`self.node…`, `super().__init__`), nothing in between returns or hands `self` to
    code that cannot be followed, and nothing in between reads or assigns another attribute it
    assigns, asks whether the moved attribute exists yet (`hasattr`, `getattr` with a default,
    `try`) or deletes it. Module-level state the called helpers change (a counter numbering
    construct ids) counts like a local name; a function of another module of the project called
    both by the assignment and by a statement in between, or a function defined inside
    `__init__` called in between, keeps the order (it may number what it creates). Construct ids and logical ids do not depend on the order constructs are created in,
    so the template keeps the same resources. Otherwise the finding names the read, the assignment and why it was not moved:
    a cycle (the assignment needs something the reader assigns, or reads its own target), control
    flow, `getattr`/`setattr` with computed names, or `self` handed to code that cannot be
    followed.
    """

    code, name, tier = "CDK110", "attribute-used-before-assignment", Tier.SAFE
    summary = "A stack attribute is read before __init__ assigns it"
    triggers = ("self",)
    changelog = "Assign {count} {noun} before first use"
    noun = ("stack attribute", "stack attributes")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        classes = ctx.classes
        if not classes:
            return
        by_name = {c.name.value: c for c in classes}
        functions = {s.name.value: s for s in ctx.module.body if isinstance(s, cst.FunctionDef)}
        top_classes = {s.name.value: s for s in ctx.module.body if isinstance(s, cst.ClassDef)}
        models: dict[int, _ClassModel | None] = {}

        def model_of(cls: cst.ClassDef, seen: frozenset[int] = frozenset()) -> _ClassModel | None:
            if id(cls) in models:
                return models[id(cls)]
            if id(cls) in seen:
                return None
            bases: list[_ClassModel] = []
            cdk_bases: list[str] = []
            ok = False
            for b in cls.bases:
                if b.keyword is not None:
                    continue
                q = ctx.qualname(b.value)
                if q in CONSTRUCT_BASES:
                    cdk_bases.append(q)
                    ok = True
                elif isinstance(b.value, cst.Name) and b.value.value in by_name and q is None:
                    m = model_of(by_name[b.value.value], seen | {id(cls)})
                    if m is None:
                        models[id(cls)] = None
                        return None
                    bases.append(m)
                    ok = True
                else:  # a base we cannot see into
                    models[id(cls)] = None
                    return None
            models[id(cls)] = _ClassModel(cls, bases, cdk_bases) if ok else None
            return models[id(cls)]

        for cls in classes:
            model = model_of(cls)
            if model is None:
                continue
            init = next((s for s in cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"), None)
            if init is None or not isinstance(init.body, cst.IndentedBlock):
                continue
            yield from self._check_init(ctx, model, init, functions, top_classes)

    # -- one __init__ -----------------------------------------------------------------------------
    def _check_init(self, ctx: FileContext, model: _ClassModel, init: cst.FunctionDef,
                    functions: dict[str, cst.FunctionDef], classes: dict[str, cst.ClassDef]) -> Iterator[Finding]:
        selfname = _first_param(init)
        if selfname is None:
            return
        analyzer = _Analyzer(ctx, model, functions, classes)
        assert isinstance(init.body, cst.IndentedBlock)
        stmts = list(init.body.body)
        selfnames = {selfname}
        env: dict[str, Any] = {}
        effects: list[Effects] = []
        for stmt in stmts:
            fx = Effects()
            analyzer.statement(stmt, fx, env, selfnames)
            effects.append(fx)

        known = set(model.class_attrs) | model.inherited_attrs | set(model.methods)
        problems: list[_Problem] = []
        assigned: set[str] = set()
        dynamic = False
        for i, fx in enumerate(effects):
            for attr, read in fx.exposed.items():
                if attr in assigned or attr in known or dynamic or self._inherited(ctx, model, attr):
                    continue
                j = next((k for k in range(i, len(stmts)) if attr in effects[k].assigns), None)
                if j is None:
                    continue
                problems.append(_Problem(attr, i, j, read, None))
            assigned |= fx.assigns
            if fx.dynamic:
                dynamic = True

        taken: list[tuple[int, int]] = []
        for p in problems:
            p.blocker = self._blocker(ctx, stmts, effects, p, problems)
            fix = None
            if p.blocker is None:
                span = (p.reader, p.assigner)
                if any(not (span[1] < a or b < span[0]) for a, b in taken):
                    fix = None  # overlaps a move of this pass: re-evaluated after it
                else:
                    taken.append(span)
                    fix = self._move(init.body, stmts[p.assigner], stmts[p.reader])
            yield self._finding(ctx, stmts, p, fix)

    @staticmethod
    def _inherited(ctx: FileContext, model: _ClassModel, attr: str) -> bool:
        """``self.<attr>`` is a property or method of the CDK base class (``node``, ``region``...)."""
        api = ctx.api
        return any(api.has_attribute(base.replace("aws_cdk.core.", "aws_cdk."), attr) for base in model.cdk_bases)

    def _finding(self, ctx: FileContext, stmts: list[cst.BaseStatement], p: _Problem, fix: Fix | None) -> Finding:
        read_line = ctx.position(p.read.node)[0]
        assign_line = ctx.position(stmts[p.assigner])[0]
        via = f" (in {' → '.join(f'`{v}`' for v in p.read.via)})" if p.read.via else ""
        if p.reader == p.assigner:
            msg = (f"`self.{p.attr}` is read{via} while computing its own value at line {assign_line}; "
                   "not moved: the assignment needs its own result (a cycle)")
            return self.finding(p.read.node, msg)
        msg = f"`self.{p.attr}` is read at line {read_line}{via} before it is assigned at line {assign_line}"
        if p.blocker is not None:
            return self.finding(p.read.node, f"{msg}; not moved: {p.blocker}")
        return self.finding(p.read.node, f"{msg}; move the assignment before its first use", fix=fix)

    def _blocker(self, ctx: FileContext, stmts: list[cst.BaseStatement], effects: list[Effects],
                 p: _Problem, problems: list[_Problem]) -> str | None:
        i, j = p.reader, p.assigner
        if i == j:
            return "cycle"
        moved, mfx = stmts[j], effects[j]
        line = lambda k: ctx.position(stmts[k])[0]  # noqa: E731
        if not isinstance(moved, cst.SimpleStatementLine):
            return f"it is assigned inside {_kind(moved)} at line {line(j)} (never reordered across control flow)"
        if p.attr in mfx.exposed:
            r = mfx.exposed[p.attr]
            via = f" through {' → '.join(f'`{v}`' for v in r.via)}" if r.via else ""
            return f"the assignment at line {line(j)} itself reads `self.{p.attr}`{via} (a cycle)"
        if mfx.dynamic:
            return f"the assignment at line {line(j)} uses {mfx.dynamic[0]} (attributes reached by computed names)"
        if mfx.opaque:
            return f"the assignment at line {line(j)} {mfx.opaque[0]}"
        if mfx.stack_effects:
            return f"the assignment at line {line(j)} {mfx.stack_effects[0]}"
        # attributes that are read too early anyway can only gain from moving
        broken = {q.attr for q in problems if q.reader >= i and q.reader < j}
        others = mfx.assigns - {p.attr}
        for k in range(i, j):
            t = effects[k]
            stmt = stmts[k]
            if not isinstance(stmt, cst.SimpleStatementLine):
                return f"{_kind(stmt)} at line {line(k)} stands between them (never reordered across control flow)"
            if t.terminates:
                return f"line {line(k)} returns or raises before the assignment runs"
            if t.stack_effects:
                return f"line {line(k)} {t.stack_effects[0]}, which the assignment could depend on"
            if t.dynamic:
                return f"line {line(k)} uses {t.dynamic[0]} (attributes reached by computed names)"
            if t.opaque:
                return f"line {line(k)} {t.opaque[0]}"
            needed = (mfx.reads | set(mfx.exposed)) & t.assigns
            if needed:
                attr = sorted(needed)[0]
                return f"the assignment needs `self.{attr}`, which line {line(k)} assigns (a cycle)"
            if p.attr in t.reads - set(t.exposed):
                return (f"line {line(k)} checks whether `self.{p.attr}` exists yet (or reads it in code that runs "
                        "later), which moving the assignment would change")
            # a guarded read (hasattr, getattr with a default, try) would see a different answer
            clash = others & (t.assigns | ((t.reads | set(t.exposed)) - (broken & set(t.exposed))))
            if clash:
                attr = sorted(clash)[0]
                return f"it also assigns `self.{attr}`, which line {line(k)} uses"
            changed = (mfx.reads | set(mfx.exposed)) & t.mutates
            if changed:
                attr = sorted(changed)[0]
                return f"line {line(k)} changes `self.{attr}`, which the assignment uses"
            calls = mfx.foreign_calls & t.foreign_calls
            if calls:
                return (f"it and line {line(k)} both call `{sorted(calls)[0]}`, which cannot be followed "
                        "(it may number what it creates)")
            names = mfx.names_read & t.names_bound
            if names:
                return f"the assignment needs `{sorted(names)[0]}`, which line {line(k)} assigns"
            names = mfx.names_read & t.names_mutated
            if names:
                return f"line {line(k)} changes `{sorted(names)[0]}`, which the assignment uses"
            names = mfx.names_bound & (t.names_read | t.names_bound)
            if names:
                return f"it also binds `{sorted(names)[0]}`, which line {line(k)} uses"
            names = mfx.names_mutated & (t.names_read | t.names_bound)
            if names:
                return f"it changes `{sorted(names)[0]}`, which line {line(k)} uses"
            attrs = mfx.mutates & (t.reads | set(t.exposed) | t.mutates)
            if attrs:
                return f"it changes `self.{sorted(attrs)[0]}`, which line {line(k)} uses"
        return None

    @staticmethod
    def _move(block: cst.IndentedBlock, moved: cst.BaseStatement, before: cst.BaseStatement) -> Fix:
        """Remove ``moved`` and put it (as updated by other edits) right before ``before``."""
        stash: dict[str, Any] = {}

        def take(node: cst.CSTNode) -> cst.RemovalSentinel:
            stash["moved"] = node
            return cst.RemovalSentinel.REMOVE

        def mark(node: cst.CSTNode) -> cst.CSTNode:
            stash["before"] = node
            return node

        def reorder(node: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(node, cst.IndentedBlock)
            body = list(node.body)
            at = next((k for k, s in enumerate(body) if s is stash.get("before")), None)
            if at is None or "moved" not in stash:
                raise ValueError("statement to move before is gone")
            moved_node, reader = stash["moved"], body[at]
            if isinstance(moved_node, cst.SimpleStatementLine) and isinstance(reader, (cst.SimpleStatementLine,
                                                                                        cst.BaseCompoundStatement)):
                # the blank lines that separated the reader from what came before now precede the
                # moved statement; each keeps its own comments
                lines = list(reader.leading_lines)
                blank = 0
                while blank < len(lines) and lines[blank].comment is None:
                    blank += 1
                own = list(moved_node.leading_lines)
                gap = []
                while own and own[0].comment is None:
                    gap.append(own.pop(0))
                moved_node = moved_node.with_changes(leading_lines=[*lines[:blank], *own])
                # the blank lines that set the moved statement apart now set it apart from the reader
                body[at] = reader.with_changes(leading_lines=[*gap, *lines[blank:]])
            body.insert(at, moved_node)
            return node.with_changes(body=body)

        return Fix([Edit(moved, replace=take), Edit(before, replace=mark), Edit(block, replace=reorder)])



def suggested_names() -> list[str]:
    """aws-cdk-lib names this rule relies on (checked against the API index by tests/test_api_names.py).

    The ``aws_cdk.core.*`` and ``aws_cdk.aws_cloudformation`` bases are CDK v1 spellings, matched on
    purpose and absent from v2, so they are not listed."""
    names = sorted(b for b in CONSTRUCT_BASES if not b.startswith(("aws_cdk.core.", "aws_cdk.aws_cloudformation.")))
    names += [f"constructs.Node.{m}" for m in sorted(NODE_PURE)]
    names += [f"aws_cdk.Stack.{m}" for m in sorted(STACK_PURE_METHODS)]
    return names
