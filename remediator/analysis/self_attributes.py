"""What a construct's ``__init__`` does to ``self``, statement by statement: a flow analysis.

:func:`analyse_init` answers, for each statement of a construct class's ``__init__``, which
``self`` attributes it reads before assigning them (``Effects.exposed``), which it assigns, which
objects and local names it changes, and what it does that cannot be followed. Calls between
methods of the class (``self.m(...)``), property getters, module-level functions that receive
``self`` and the ``__init__`` of same-file classes that receive it are followed. Parameters bound
to literals at the call site (or by literal defaults) are known, so a branch guarded by them (``if
not is_log_bucket:``) is taken or skipped exactly; every other branch is assumed to run. Lambdas
and nested functions run later: their reads are recorded, never exposed. ``hasattr(self, "x")``,
``getattr(self, "x", default)`` and ``try: ... except AttributeError:`` guard a read.

Used by CDK110 (attribute-used-before-assignment) to find reads before assignment and to prove
that moving an assignment up changes nothing else.
"""

from __future__ import annotations

import builtins
import sys
from dataclasses import dataclass, field
from typing import Any, Sequence

import libcst as cst

from remediator.analysis.bindings import Kind, assigned_expressions, target_names
from remediator.analysis.cdk_facts import CONSTRUCT_BASES
from remediator.analysis.context import NOT_LITERAL, FileContext, literal_value
from remediator.analysis.guards import hasattr_guards
from remediator.analysis.imports import dotted_name

#: ``self.node.<name>`` uses that neither change the construct tree nor depend on its order
NODE_PURE = frozenset({"try_get_context", "get_context", "path", "id", "addr"})
#: inherited ``self.<name>(...)`` methods of Stack that change nothing
STACK_PURE_METHODS = frozenset({
    "format_arn", "split_arn", "resolve", "to_json_string", "to_yaml_string", "get_logical_id",
})
PROPERTY_DECORATORS = frozenset({"property", "cached_property", "functools.cached_property"})
UNKNOWN: Any = NOT_LITERAL
_BUILTINS = frozenset(dir(builtins))


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
        """Take in a call that runs now: its exposed reads become ours (seen at ``at``)."""
        for attr, read in other.exposed.items():
            if attr not in self.definite and attr not in self.exposed:
                self.exposed[attr] = Read(at, (label, *read.via))
        self.definite |= other.definite
        self.absorb(other)

    def absorb(self, other: "Effects") -> None:
        """Take in what ``other`` may read, assign or change (``exposed``/``definite`` are the caller's)."""
        self.reads |= other.reads
        self.names_read |= other.names_read  # module-level names (see SelfAttributeFlow.call_function)
        self.names_bound |= other.names_bound
        self.names_mutated |= other.names_mutated
        self.foreign_calls |= other.foreign_calls
        self.assigns |= other.assigns
        self.mutates |= other.mutates
        self._take_notes(other)

    def absorb_later(self, other: "Effects") -> None:
        """Take in code that runs later, if at all (a lambda, a nested function, a call made there):
        everything it reads counts as a read, nothing as exposed, and no name it binds is ours."""
        self.reads |= other.reads | set(other.exposed)
        self.names_read |= other.names_read | other.names_bound | other.names_mutated
        self.assigns |= other.assigns
        self.mutates |= other.mutates
        self._take_notes(other)

    def _take_notes(self, other: "Effects") -> None:
        self.opaque += [o for o in other.opaque if o not in self.opaque]
        self.dynamic += [o for o in other.dynamic if o not in self.dynamic]
        self.stack_effects += [s for s in other.stack_effects if s not in self.stack_effects]


@dataclass
class Frame:
    """What every step of the analysis carries along: the effects being collected, the known
    values of local names, the names that hold ``self``, and whether the code runs later."""

    fx: Effects
    env: dict[str, Any]
    selfnames: set[str]
    deferred: bool = False

    def branch(self, proven: set[str] = frozenset()) -> "Frame":  # type: ignore[assignment]
        """A frame for one branch: fresh effects that start from what is already assigned (plus
        what the branch's test ``proven`` present), a copy of the known values."""
        return Frame(Effects(definite=set(self.fx.definite) | proven), dict(self.env), self.selfnames, self.deferred)

    def later(self) -> "Frame":
        """A frame for code that runs later (a lambda's body): nothing it reads is exposed."""
        return Frame(Effects(), {}, self.selfnames, True)


# --------------------------------------------------------------------------------------------
# The class


class ClassModel:
    """The methods and class-level attributes of one construct class (and its local bases)."""

    def __init__(self, cls: cst.ClassDef, bases: Sequence["ClassModel"], cdk_bases: Sequence[str] = ()) -> None:
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
                if decorator_names(stmt) & PROPERTY_DECORATORS:
                    self.properties.add(stmt.name.value)
            elif isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Assign):
                        for t in small.targets:
                            self.class_attrs |= set(target_names(t.target))
                    elif isinstance(small, cst.AnnAssign) and small.value is not None:
                        self.class_attrs |= set(target_names(small.target))

    def assigned_anywhere(self) -> set[str]:
        out: set[str] = set(self.inherited_attrs)
        for fn in self.methods.values():
            selfname = first_param(fn)

            class V(cst.CSTVisitor):
                def visit_Attribute(self, node: cst.Attribute) -> None:
                    if isinstance(node.value, cst.Name) and node.value.value == selfname:
                        out.add(node.attr.value)

            if selfname:
                fn.body.visit(V())
        return out

    @property
    def known(self) -> set[str]:
        """Attributes that exist before ``__init__`` runs: class-level, set by a local base, methods."""
        return set(self.class_attrs) | self.inherited_attrs | set(self.methods)


def class_models(ctx: FileContext) -> dict[cst.ClassDef, ClassModel]:
    """A model for every class of the file that derives from a construct base (directly or through
    classes of the file it can see into)."""
    by_name = {c.name.value: c for c in ctx.classes}
    models: dict[cst.ClassDef, ClassModel | None] = {}

    def model_of(cls: cst.ClassDef, seen: frozenset[cst.ClassDef] = frozenset()) -> ClassModel | None:
        if cls in models:
            return models[cls]
        if cls in seen:
            return None
        bases: list[ClassModel] = []
        cdk_bases: list[str] = []
        for b in cls.bases:
            if b.keyword is not None:
                continue
            q = ctx.qualname(b.value)
            if q in CONSTRUCT_BASES:
                cdk_bases.append(q)
                continue
            m = None
            if isinstance(b.value, cst.Name) and b.value.value in by_name and q is None:
                m = model_of(by_name[b.value.value], seen | {cls})
            if m is None:  # a base we cannot see into
                models[cls] = None
                return None
            bases.append(m)
        models[cls] = ClassModel(cls, bases, cdk_bases) if bases or cdk_bases else None
        return models[cls]

    return {cls: m for cls in ctx.classes if (m := model_of(cls)) is not None}


def first_param(fn: cst.FunctionDef) -> str | None:
    params = [*fn.params.posonly_params, *fn.params.params]
    return params[0].name.value if params else None


def decorator_names(fn: cst.FunctionDef) -> set[str]:
    out = set()
    for d in fn.decorators:
        expr = d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator
        name = dotted_name(expr)
        if name is not None:
            out.add(name)
    return out


@dataclass
class InitFlow:
    """The effects of each statement of one ``__init__``."""

    model: ClassModel
    init: cst.FunctionDef
    statements: list[cst.BaseStatement]
    effects: list[Effects]


def analyse_init(ctx: FileContext, model: ClassModel) -> InitFlow | None:
    """The flow of ``model``'s own ``__init__`` (None when it has none we can read)."""
    init = next((s for s in model.cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"),
                None)
    if init is None or not isinstance(init.body, cst.IndentedBlock):
        return None
    selfname = first_param(init)
    if selfname is None:
        return None
    flow = SelfAttributeFlow(ctx, model)
    statements = list(init.body.body)
    selfnames, env = {selfname}, {}
    effects = []
    for stmt in statements:
        frame = Frame(Effects(), env, selfnames)
        flow.statement(stmt, frame)
        effects.append(frame.fx)
    return InitFlow(model, init, statements, effects)


# --------------------------------------------------------------------------------------------
# The analysis


class SelfAttributeFlow:
    """Abstract interpretation of method bodies: which ``self`` attributes they read and assign."""

    def __init__(self, ctx: FileContext, model: ClassModel) -> None:
        self.ctx = ctx
        self.model = model
        self.functions = {s.name.value: s for s in ctx.module.body if isinstance(s, cst.FunctionDef)}
        self.classes = {s.name.value: s for s in ctx.module.body if isinstance(s, cst.ClassDef)}
        self._foreign = 0  #: >0 while following the __init__ of another class that received self
        self._cache: dict[tuple, Effects] = {}
        self._active: set[tuple] = set()
        self.foreign, self.imported, from_imported = _imported_names(ctx.module)
        #: `import os`, `import json as j`: calling their functions changes no object of ours
        self.library_modules = self.imported - self.foreign - from_imported
        self.closures: set[str] = set()  #: functions and classes defined inside methods

    # -- calls ------------------------------------------------------------------------------------
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
            _bind(p.name.value, a.value, env, selfnames, selfpos, caller_env)
        for a in args:
            if a.keyword is not None:
                _bind(a.keyword.value, a.value, env, selfnames, selfpos, caller_env)
        if any(a.star for a in args):  # *args/**kwargs may set any parameter: none is known
            env.clear()
        own = self.ctx.scopes.names_in(fn)
        for name, bindings in own.items():  # parameters reassigned in the body lose their known value
            if any(b.kind is not Kind.PARAM for b in bindings):
                env.pop(name, None)
                selfnames.discard(name)
        key = (fn, tuple(sorted((k, repr(v)) for k, v in env.items())), tuple(sorted(selfnames)))
        if key in self._cache:
            return self._cache[key]
        if key in self._active:  # recursion: its effects are being collected already
            return Effects()
        self._active.add(key)
        try:
            frame = Frame(Effects(), env, selfnames)
            self.block(fn.body, frame)
        finally:
            self._active.discard(key)
        # only the module-level names it uses or changes matter to the caller (a global counter
        # numbering construct ids makes the order of the calls matter)
        fx = frame.fx
        local = self.ctx.scopes.locals_of(fn)
        fx.names_read -= local
        fx.names_bound -= local
        fx.names_mutated -= local
        self._cache[key] = fx
        return fx

    def _merge_call(self, f: Frame, sub: Effects, at: cst.CSTNode, label: str) -> None:
        if f.deferred:
            f.fx.absorb_later(sub)
        else:
            f.fx.add_call(sub, at, label)

    # -- statements -------------------------------------------------------------------------------
    def block(self, body: cst.BaseSuite | cst.CSTNode, f: Frame) -> None:
        if isinstance(body, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            stmts: Sequence[cst.CSTNode] = body.body
        else:
            stmts = [body]
        for stmt in stmts:
            self.statement(stmt, f)
            if f.fx.terminates:
                return

    def statement(self, stmt: cst.CSTNode, f: Frame) -> None:
        fx = f.fx
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                self.small(small, f)
                if fx.terminates:
                    return
        elif isinstance(stmt, cst.BaseSmallStatement):
            self.small(stmt, f)
        elif isinstance(stmt, cst.If):
            self._if(stmt, f)
        elif isinstance(stmt, (cst.For, cst.While)):
            if isinstance(stmt, cst.For):
                self.expr(stmt.iter, f)
                self._target(stmt.target, f)
            else:
                self.expr(stmt.test, f)
            sub = f.branch()
            self.block(stmt.body, sub)
            if stmt.orelse is not None:
                self.block(stmt.orelse.body, Frame(sub.fx, dict(f.env), f.selfnames))
            self._merge_branches(fx, [sub.fx, Effects(definite=set(fx.definite))])
        elif isinstance(stmt, cst.Try):
            sub = f.branch()
            self.block(stmt.body, sub)
            if any(_catches_attribute_error(h) for h in stmt.handlers):
                sub.fx.reads |= set(sub.fx.exposed)  # `try: self.x ... except AttributeError:` is a guard
                sub.fx.exposed = {}
            outs = [sub.fx]
            for h in stmt.handlers:
                hs = f.branch()
                self.block(h.body, hs)
                outs.append(hs.fx)
            if stmt.orelse is not None:
                self.block(stmt.orelse.body, Frame(sub.fx, dict(f.env), f.selfnames))
            self._merge_branches(fx, outs + [Effects(definite=set(fx.definite))])
            if stmt.finalbody is not None:
                self.block(stmt.finalbody.body, f)
        elif isinstance(stmt, cst.With):
            for item in stmt.items:
                self.expr(item.item, f)
                if item.asname is not None:
                    self._target(item.asname.name, f)
            self.block(stmt.body, f)
        elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            fx.names_bound.add(stmt.name.value)
            self.closures.add(stmt.name.value)
            sub = Frame(Effects(), {}, f.selfnames)  # runs later (if at all): its reads matter for safety only
            self.block(stmt.body, sub)
            fx.absorb_later(sub.fx)
        else:  # match and anything newer: assume it may do anything with self
            fx.opaque.append(f"a `{type(stmt).__name__}` statement")

    def _if(self, stmt: cst.If, f: Frame) -> None:
        self.expr(stmt.test, f)
        known = _evaluate(stmt.test, f.env)
        if known is not UNKNOWN:
            if known:
                self.block(stmt.body, f)
            elif isinstance(stmt.orelse, cst.Else):
                self.block(stmt.orelse.body, f)
            elif isinstance(stmt.orelse, cst.If):
                self.statement(stmt.orelse, f)
            return
        branches: list[cst.CSTNode] = [stmt.body]
        if isinstance(stmt.orelse, cst.Else):
            branches.append(stmt.orelse.body)
        elif isinstance(stmt.orelse, cst.If):
            branches.append(stmt.orelse)
        outs = []
        present, absent = _hasattr_guards(stmt.test, f.selfnames)
        for n, b in enumerate(branches):
            sub = f.branch(present if n == 0 else absent)
            if isinstance(b, cst.If):
                self.statement(b, sub)
            else:
                self.block(b, sub)
            outs.append(sub.fx)
        if len(outs) == 1:  # no else: the body may not run
            outs.append(Effects(definite=set(f.fx.definite)))
        self._merge_branches(f.fx, outs)

    @staticmethod
    def _merge_branches(fx: Effects, outs: list[Effects]) -> None:
        for o in outs:
            for attr, read in o.exposed.items():
                if attr not in fx.exposed and attr not in fx.definite:
                    fx.exposed[attr] = read
            fx.absorb(o)
        live = [o for o in outs if not o.terminates]
        if live:
            fx.definite |= set.intersection(*(o.definite for o in live))
        else:
            fx.terminates = True

    def small(self, small: cst.BaseSmallStatement, f: Frame) -> None:
        fx = f.fx
        if isinstance(small, cst.Assign):
            self.expr(small.value, f)
            for t in small.targets:
                self._target(t.target, f)
            if len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
                name = small.targets[0].target.value
                if isinstance(small.value, cst.Name) and small.value.value in f.selfnames:
                    f.selfnames.add(name)  # an alias of self
                else:
                    f.selfnames.discard(name)
        elif isinstance(small, cst.AnnAssign):
            if small.value is not None:
                self.expr(small.value, f)
                self._target(small.target, f)
        elif isinstance(small, cst.AugAssign):
            self.expr(small.target, f)  # read first
            self.expr(small.value, f)
            self._target(small.target, f)
        elif isinstance(small, cst.Expr):
            self.expr(small.value, f)
        elif isinstance(small, (cst.Return, cst.Raise)):
            self.expr(small.value if isinstance(small, cst.Return) else small.exc, f)
            fx.terminates = True
        elif isinstance(small, cst.Assert):
            self.expr(small.test, f)
        elif isinstance(small, cst.Del):
            for t in assigned_expressions(small.target):
                if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.value.value in f.selfnames:
                    # `del self.x` needs x (AttributeError otherwise) and removes it: not an assignment,
                    # and nothing is moved across it
                    self._read(t.attr.value, t, f)
                    fx.definite.discard(t.attr.value)
                    fx.stack_effects.append(f"deletes `self.{t.attr.value}`")
                else:
                    self._target(t, f)
        elif isinstance(small, (cst.Import, cst.ImportFrom)):
            names = small.names if not isinstance(small.names, cst.ImportStar) else ()
            for alias in names:
                bound = alias.asname.name if alias.asname is not None else alias.name
                while isinstance(bound, cst.Attribute):
                    bound = bound.value
                fx.names_bound |= set(target_names(bound))
        # pass, break, continue, global, nonlocal: nothing to see

    def _target(self, target: cst.BaseExpression, f: Frame) -> None:
        for t in assigned_expressions(target):
            if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.value.value in f.selfnames:
                f.fx.assigns.add(t.attr.value)
                f.fx.definite.add(t.attr.value)
            elif isinstance(t, cst.Name):
                f.fx.names_bound.add(t.value)
                f.env.pop(t.value, None)
            elif isinstance(t, (cst.Attribute, cst.Subscript)):
                # ``x.y = v`` / ``x[k] = v``: reads x and changes the object it names
                now = Frame(f.fx, f.env, f.selfnames)
                self.expr(t.value, now)
                if isinstance(t, cst.Subscript):
                    for el in t.slice:
                        self.expr(el, now)
                self._mutation(t.value, f)

    def _mutation(self, receiver: cst.BaseExpression, f: Frame) -> None:
        """``receiver`` (an object expression) is changed in place."""
        outside = lambda name: name not in self.ctx.imports.aliases and name not in self.library_modules  # noqa: E731
        chain = receiver
        while isinstance(chain, (cst.Subscript, cst.Call)):
            chain = chain.value if isinstance(chain, cst.Subscript) else chain.func
        if isinstance(chain, cst.Name):
            if chain.value not in f.selfnames and outside(chain.value):
                f.fx.names_mutated.add(chain.value)
            return
        # find the attribute just below self: self.a.b.c -> a
        node = chain
        while isinstance(node, cst.Attribute):
            inner = node.value
            while isinstance(inner, (cst.Subscript, cst.Call)):
                inner = inner.value if isinstance(inner, cst.Subscript) else inner.func
            if isinstance(inner, cst.Name):
                if inner.value in f.selfnames:
                    if node.attr.value == "node":
                        f.fx.stack_effects.append("changes `self.node`")
                    else:
                        f.fx.mutates.add(node.attr.value)
                elif outside(inner.value):
                    f.fx.names_mutated.add(inner.value)
                return
            node = inner

    # -- expressions ------------------------------------------------------------------------------
    def expr(self, node: cst.CSTNode | None, f: Frame) -> None:
        if node is None:
            return
        if isinstance(node, cst.Name):
            f.fx.names_read.add(node.value)
        elif isinstance(node, cst.Attribute):
            self._attribute(node, f)
        elif isinstance(node, cst.Call):
            self._call(node, f)
        elif isinstance(node, cst.Lambda):
            sub = f.later()
            self.expr(node.body, sub)
            f.fx.absorb_later(sub.fx)
        elif isinstance(node, cst.IfExp):
            self.expr(node.test, f)
            known = _evaluate(node.test, f.env)
            if known is not UNKNOWN:
                self.expr(node.body if known else node.orelse, f)
                return
            present, absent = _hasattr_guards(node.test, f.selfnames)  # `self.x if hasattr(self, "x") else None`
            a, b = self._sharing(f, present), self._sharing(f, absent)
            self.expr(node.body, a)
            self.expr(node.orelse, b)
            self._merge_branches(f.fx, [a.fx, b.fx])
        elif isinstance(node, cst.BooleanOperation):  # `hasattr(self, "x") and self.x`: the right side may not run
            self.expr(node.left, f)
            present, absent = _hasattr_guards(node.left, f.selfnames)
            right = self._sharing(f, present if isinstance(node.operator, cst.And) else absent)
            self.expr(node.right, right)
            self._merge_branches(f.fx, [right.fx, Effects(definite=set(f.fx.definite))])
        elif isinstance(node, cst.NamedExpr):
            self.expr(node.value, f)
            self._target(node.target, f)
        elif isinstance(node, cst.Arg):
            self.expr(node.value, f)
        else:
            for child in node.children:
                if isinstance(child, _EXPRESSION_PARTS):
                    self.expr(child, f)

    @staticmethod
    def _sharing(f: Frame, proven: set[str]) -> Frame:
        """A branch of an expression: its own effects, the same known values."""
        return Frame(Effects(definite=set(f.fx.definite) | proven), f.env, f.selfnames, f.deferred)

    def _given(self, value: cst.BaseExpression, f: Frame) -> None:
        """``value`` is handed to code that may change it: a local name or ``self.<attr>``."""
        if isinstance(value, cst.Name) and value.value not in f.selfnames \
                and value.value not in self.ctx.imports.aliases and value.value not in ("True", "False", "None"):
            f.fx.names_mutated.add(value.value)
        elif isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value in f.selfnames:
            if value.attr.value not in self.model.methods:
                f.fx.mutates.add(value.attr.value)

    def _constructor(self, name: str) -> cst.FunctionDef | None:
        cls = self.classes[name]
        return next((s for s in cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"), None)

    def _read(self, attr: str, at: cst.CSTNode, f: Frame) -> None:
        f.fx.reads.add(attr)
        if not f.deferred and attr not in f.fx.definite and attr not in f.fx.exposed:
            f.fx.exposed[attr] = Read(at)

    def _attribute(self, node: cst.Attribute, f: Frame) -> None:
        base = node.value
        if isinstance(base, cst.Name) and base.value in f.selfnames:
            attr = node.attr.value
            if attr in self.model.properties:
                sub = self.call_function(self.model.methods[attr], [], None, f.env, bound_self=True)
                self._merge_call(f, sub, node, attr)
            elif attr in self.model.methods:
                pass  # a bound method taken as a value: it runs later, if at all
            elif attr == "__dict__":
                f.fx.dynamic.append("`self.__dict__`")
            else:
                self._read(attr, node, f)
            return
        # self.node.<x>
        if (isinstance(base, cst.Attribute) and isinstance(base.value, cst.Name) and base.value.value in f.selfnames
                and base.attr.value == "node"):
            if node.attr.value not in NODE_PURE:
                f.fx.stack_effects.append(f"uses `self.node.{node.attr.value}`")
            return
        self.expr(base, f)

    def _call(self, call: cst.Call, f: Frame) -> None:
        func, args = call.func, list(call.args)
        if self._builtin_on_self(call, f):
            return
        # self.method(...)
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in f.selfnames:
            for a in args:
                self.expr(a.value, f)
                self._given(a.value, f)
            name = func.attr.value
            method = self.model.methods.get(name)
            if method is not None and name not in self.model.properties:
                static = "staticmethod" in decorator_names(method)  # its first parameter is not self
                sub = self.call_function(method, args, f.selfnames, f.env, bound_self=not static)
                self._merge_call(f, sub, call, f"{name}()")
            elif name not in STACK_PURE_METHODS:
                f.fx.stack_effects.append(f"calls `self.{name}()`")
            return
        # super().__init__(...) and other super() calls
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Call) and isinstance(func.value.func, cst.Name) \
                and func.value.func.value == "super":
            for a in args:
                self.expr(a.value, f)
            if not self._foreign:
                f.fx.stack_effects.append(f"calls `super().{func.attr.value}()`")
            return
        self.expr(func, f)
        for a in args:
            self.expr(a.value, f)
        self._other_call(call, f)

    def _builtin_on_self(self, call: cst.Call, f: Frame) -> bool:
        """``getattr``/``setattr``/``hasattr``/``delattr``/``vars`` on self: attributes by name."""
        func, args = call.func, list(call.args)
        if not (isinstance(func, cst.Name) and args and isinstance(args[0].value, cst.Name)
                and args[0].value.value in f.selfnames):
            return False
        if func.value == "vars":
            f.fx.dynamic.append("`vars(self)`")
            return True
        if func.value not in ("getattr", "setattr", "hasattr", "delattr"):
            return False
        for a in args[1:]:
            self.expr(a.value, f)
        name = literal_value(args[1].value) if len(args) > 1 else NOT_LITERAL
        if not isinstance(name, str):
            f.fx.dynamic.append(f"`{func.value}(self, ...)` with a computed attribute name")
        elif func.value == "setattr":
            f.fx.assigns.add(name)
            f.fx.definite.add(name)
        elif func.value == "getattr" and len(args) < 3:
            self._read(name, call, f)
        else:  # hasattr, getattr with a default, delattr: no AttributeError, but the value matters
            f.fx.reads.add(name)
            if func.value == "delattr":
                f.fx.assigns.add(name)
        return True

    def _other_call(self, call: cst.Call, f: Frame) -> None:
        """A call of a function or of a method of another object."""
        func, args = call.func, list(call.args)
        passes_self = [a for a in args if isinstance(a.value, cst.Name) and a.value.value in f.selfnames]
        qual = self.ctx.qualname(func)
        cdk = bool(qual and (qual.startswith("aws_cdk.") or qual.startswith("constructs.")))
        root = _root(func)
        if isinstance(func, cst.Name) and func.value in self.closures and not f.deferred:
            f.fx.opaque.append(f"calls the local function `{func.value}`, which cannot be followed")
        if qual is None and isinstance(root, cst.Name) and not f.deferred and (
                root.value in self.foreign or (func is root and root.value not in self.functions
                                               and root.value not in self.classes and root.value not in _BUILTINS
                                               and root.value not in self.imported)):
            f.fx.foreign_calls.add(self.ctx.module.code_for_node(func))
        if not cdk:
            # code of ours (or unknown) may change the objects it is given; aws-cdk-lib resolves
            # what it is given lazily, at synth, so the order of CDK calls does not matter
            for a in args:
                if not (isinstance(a.value, cst.Name) and a.value.value in f.selfnames):
                    self._given(a.value, f)
        if isinstance(func, cst.Name) and func.value in self.functions and qual is None:
            sub = self.call_function(self.functions[func.value], args, f.selfnames, f.env, bound_self=False)
            self._merge_call(f, sub, call, f"{func.value}()")
        elif (passes_self and isinstance(func, cst.Name) and func.value in self.classes and qual is None
              and self._constructor(func.value) is not None):
            self._foreign += 1
            try:
                sub = self.call_function(self._constructor(func.value), args, f.selfnames, f.env,  # type: ignore[arg-type]
                                         bound_self=False, skip_first=True)
            finally:
                self._foreign -= 1
            self._merge_call(f, sub, call, f"{func.value}()")
        elif passes_self and not cdk:
            f.fx.opaque.append(f"passes `self` to `{self.ctx.module.code_for_node(func)}`, which cannot be followed")
        # a method call on an object changes that object (conservatively); self.node is handled above
        if isinstance(func, cst.Attribute) and qual is None:
            receiver = func.value
            on_node = (isinstance(receiver, cst.Attribute) and receiver.attr.value == "node"
                       and isinstance(receiver.value, cst.Name) and receiver.value.value in f.selfnames)
            if not on_node:
                self._mutation(receiver, f)


_EXPRESSION_PARTS = (cst.BaseExpression, cst.Arg, cst.BaseElement, cst.BaseDictElement, cst.CompFor, cst.CompIf,
                     cst.Index, cst.Slice, cst.SubscriptElement, cst.FormattedStringExpression,
                     cst.BaseFormattedStringContent, cst.ComparisonTarget)


def _bind(name: str, value: cst.BaseExpression, env: dict[str, Any], selfnames: set[str],
          selfpos: set[str] | None, caller_env: dict[str, Any]) -> None:
    """A parameter takes an argument: ``self`` (an alias of it), a known value, or unknown."""
    if isinstance(value, cst.Name) and selfpos is not None and value.value in selfpos:
        selfnames.add(name)
        env.pop(name, None)
        return
    v = _evaluate(value, caller_env)
    if v is not UNKNOWN:
        env[name] = v
    else:
        env.pop(name, None)


def _root(expr: cst.BaseExpression) -> cst.BaseExpression:
    while isinstance(expr, (cst.Attribute, cst.Subscript, cst.Call)):
        expr = expr.value if not isinstance(expr, cst.Call) else expr.func
    return expr


def _imported_names(module: cst.Module) -> tuple[set[str], set[str], set[str]]:
    """Names the module imports at top level: from the project's own modules (neither the
    standard library nor aws-cdk-lib / constructs: their functions cannot be followed), every
    imported name, and those imported with ``from ... import``."""
    foreign: set[str] = set()
    every: set[str] = set()
    from_imported: set[str] = set()
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    bound = alias.asname.name if alias.asname is not None else alias.name
                    while isinstance(bound, cst.Attribute):
                        bound = bound.value
                    names = set(target_names(bound))
                    every |= names
                    if not _library(dotted_name(alias.name) or ""):
                        foreign |= names
            elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                module_name = dotted_name(small.module) if small.module is not None else ""
                outside = bool(small.relative) or not _library(module_name or "")
                for alias in small.names:
                    names = set(target_names(alias.asname.name if alias.asname is not None else alias.name))
                    every |= names
                    from_imported |= names
                    if outside:
                        foreign |= names
    return foreign, every, from_imported


def _library(module: str) -> bool:
    root = module.split(".", 1)[0]
    return root in sys.stdlib_module_names or root in ("aws_cdk", "constructs", "__future__", "typing_extensions")


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
    """Attributes of ``self`` a test proves present in its true and its false branch."""
    return hasattr_guards(test, lambda e: isinstance(e, cst.Name) and e.value in selfnames)


def _catches_attribute_error(handler: cst.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    types = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type]
    for t in types:
        expr = t.value if isinstance(t, cst.Element) else t
        if isinstance(expr, cst.Name) and expr.value in ("AttributeError", "Exception", "BaseException"):
            return True
    return False
