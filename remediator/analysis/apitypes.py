"""Types of expressions as the aws-cdk-lib API index sees them, and close-name matching.

Shared by the rules that judge names against the API (CDK103 unknown-keyword, CDK104
unknown-member): what a call accepts (:func:`call_signature`), what an expression is
(:func:`infer_type`, from constructors, assignments in scope and the return types of chained
calls), and which names are close enough to be a typo of each other (:func:`close_names`).
"""

from __future__ import annotations

import difflib
import re
import weakref
from dataclasses import dataclass
from typing import Any

import libcst as cst

from remediator.analysis.context import FileContext
from remediator.analysis.imports import dotted_name


@dataclass
class Member:
    kind: str  # "m" method, "p" property
    type: str  # property type or method return type ("any" when unknown)
    static: bool = False


@dataclass
class Signature:
    """What a Python call of a jsii callable accepts."""

    owner: str  # the class (constructor) or "Class.method"
    keywords: dict[str, str]  # every accepted keyword -> its type


class ApiView:
    """The questions CDK103/CDK104 ask of the API index (``ctx.api``, :class:`remediator.api.ApiIndex`)."""

    def __init__(self, api: Any) -> None:
        self.api = api
        self.modules: frozenset[str] = api.modules
        self._members: dict[str, dict[str, Member] | None] = {}
        self._closure: dict[str, tuple[str, ...] | None] = {}
        self._types_in: dict[str, list[str]] = {}

    # -- types -----------------------------------------------------------------------------
    def kind(self, qualname: str) -> str | None:
        return self.api.kind(qualname)

    def has_type(self, qualname: str) -> bool:
        return self.api.has_type(qualname)

    def closure(self, qualname: str) -> tuple[str, ...] | None:
        """The type and all its bases and interfaces; None when some are unknown to the index."""
        if qualname not in self._closure:
            ancestors = self.api.ancestors(qualname)
            complete = bool(ancestors) and all(self.api.has_type(b) for a in ancestors for b in self.api.bases(a))
            self._closure[qualname] = ancestors if complete else None
        return self._closure[qualname]

    def assignable(self, value_type: str | None, param_type: str) -> bool:
        """Whether a value of ``value_type`` (None: unknown) may be passed as ``param_type``."""
        if value_type is None or param_type in ("any", "json"):
            return True
        if " | " in param_type:
            return any(self.assignable(value_type, t) for t in param_type.split(" | "))
        if param_type.startswith("list["):
            return value_type == "list"
        if param_type.startswith("dict["):
            return value_type == "dict"
        if param_type in ("str", "bool", "number", "date"):
            return value_type == param_type
        if value_type in ("str", "bool", "number", "list", "dict", "date"):
            return value_type == "dict" and self.kind(param_type) == "struct"
        closure = self.closure(value_type)
        return closure is None or param_type in closure

    def types_named(self, name: str) -> list[str]:
        """Top-level types called ``name`` in every module: ``SecretValue`` -> ``[aws_cdk.SecretValue]``."""
        return [f"{m}.{name}" for m in self.api.modules_defining(name)]

    def types_in(self, module: str) -> list[str]:
        if module not in self._types_in:
            self._types_in[module] = self.api.types_in(module)
        return self._types_in[module]

    # -- members -----------------------------------------------------------------------------
    def members(self, qualname: str) -> dict[str, Member] | None:
        """Every method and property of a type, inherited ones included; None when incomplete."""
        if qualname not in self._members:
            if self.closure(qualname) is None:
                self._members[qualname] = None
            else:
                out = {n: Member("p", p.type, p.static) for n, p in self.api.properties(qualname).items()}
                out.update({n: Member("m", m.returns, m.static) for n, m in self.api.methods(qualname).items()})
                self._members[qualname] = out
        return self._members[qualname]

    def constructor(self, qualname: str) -> Signature | None:
        """``Class(...)`` (and ``Struct(...)``, whose keywords are its fields)."""
        if self.closure(qualname) is None:
            return None
        params = self.api.constructor(qualname)
        if params is None:
            return None
        return Signature(qualname, {p.name: p.type for p in params if not p.variadic})

    def method(self, type_q: str, name: str) -> Signature | None:
        if self.closure(type_q) is None:
            return None
        m = self.api.method(type_q, name)
        if m is None:
            return None
        return Signature(f"{type_q}.{name}", m.keywords and {n: p.type for n, p in m.keywords.items()})

    def split_member(self, qualname: str) -> tuple[str, str] | None:
        """``aws_cdk.aws_s3.Bucket.from_bucket_name`` -> (``aws_cdk.aws_s3.Bucket``, ``from_bucket_name``)."""
        owner, _, name = qualname.rpartition(".")
        if self.api.has_type(owner):
            return owner, name
        return None

    def implementations(self, iface: str) -> list[str]:
        """Concrete classes of the interface's own module that are, or implement, ``iface``."""
        if self.kind(iface) == "class":
            return [iface]
        module = self.api.module_of(iface)
        out = []
        for short_name in self.types_in(module) if module else ():
            q = f"{module}.{short_name}"
            if self.kind(q) == "class" and not self.api.is_abstract(q) and iface in (self.closure(q) or ()):
                out.append(q)
        return out


_VIEWS: dict[int, ApiView] = {}


def api_view(ctx: FileContext) -> ApiView | None:
    try:
        api = ctx.api
    except Exception:  # noqa: BLE001 - no index available: the rule cannot judge anything
        return None
    if api is None:
        return None
    view = _VIEWS.get(id(api))
    if view is None or view.api is not api:
        view = _VIEWS[id(api)] = ApiView(api)
    return view


# ----------------------------------------------------------------------------------------------
# What a value is, as far as the file and the API tell


def infer_type(ctx: FileContext, view: ApiView, expr: cst.BaseExpression, depth: int = 0) -> str | None:
    """The API type of an expression (``aws_cdk.aws_s3.Bucket``, ``str``, ``list``...), or None."""
    if depth > 8:
        return None
    if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return "str"
    if isinstance(expr, (cst.Integer, cst.Float)):
        return "number"
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.expression, (cst.Integer, cst.Float)):
        return "number"
    if isinstance(expr, cst.Name) and expr.value in ("True", "False"):
        return "bool"
    if isinstance(expr, (cst.List, cst.ListComp, cst.Tuple)):
        return "list"
    if isinstance(expr, (cst.Dict, cst.DictComp)):
        return "dict"
    if isinstance(expr, cst.Call):
        return call_return_type(ctx, view, expr, depth)
    if isinstance(expr, (cst.Name, cst.Attribute)):
        q = ctx.qualname(expr)
        if q is not None:
            return _static_value_type(view, q)
        if isinstance(expr, cst.Attribute) and dotted_name(expr) not in _bound_names(ctx):
            recv = infer_type(ctx, view, expr.value, depth + 1) or _inherited_from_cdk(ctx, view, expr)
            if recv is not None and view.has_type(recv):
                m = (view.members(recv) or {}).get(expr.attr.value)
                if m is not None and m.kind == "p":
                    return _concrete(m.type)
            return None
        if isinstance(expr, cst.Name):
            declared = _declared_type(ctx, view, expr)
            if declared is not None:
                return declared
            if ctx.scopes.rebound_at(expr):
                return None
        values = ctx.assigned_values(expr, expr)
        types = {infer_type(ctx, view, v, depth + 1) for v in values}
        return types.pop() if len(types) == 1 else None
    return None


def value_fits(ctx: FileContext, view: ApiView, expr: cst.BaseExpression, param_type: str) -> bool:
    """Whether ``expr`` may be passed as ``param_type``: its type, and for a list literal passed
    as ``list[T]`` each element of known type (``["sg-0123"]`` is no ``list[ISecurityGroup]``)."""
    if not view.assignable(infer_type(ctx, view, expr), param_type):
        return False
    if isinstance(expr, (cst.List, cst.Tuple)):
        elements = [t for t in param_type.split(" | ") if t.startswith("list[") and t.endswith("]")]
        if elements and len(elements) == len(param_type.split(" | ")):
            values = [e.value for e in expr.elements if not isinstance(e, cst.StarredElement)]
            types = [infer_type(ctx, view, v) for v in values]
            return any(all(view.assignable(t, el[len("list["):-1]) for t in types) for el in elements)
    return True


_BOUND: "weakref.WeakKeyDictionary[FileContext, set[str]]" = weakref.WeakKeyDictionary()


def _bound_names(ctx: FileContext) -> set[str]:
    """Every ``name`` / ``self.attr`` the file assigns (those are typed by their values, not the API)."""
    names = _BOUND.get(ctx)
    if names is None:
        names = _BOUND[ctx] = {b.target for b in ctx.assignments}
    return names


def _concrete(t: str) -> str | None:
    return None if t in ("any", "json", "None") or " | " in t else t


def _static_value_type(view: ApiView, q: str) -> str | None:
    """Type of ``logs.RetentionDays.ONE_WEEK`` or a static property like ``Runtime.PYTHON_3_12``."""
    split = view.split_member(q)
    if split is None:
        return None
    owner, name = split
    if view.kind(owner) == "enum":
        return owner if name in view.api.enum_members(owner) else None
    m = (view.members(owner) or {}).get(name)
    if m is not None and m.kind == "p":
        return _concrete(m.type)
    return None


def call_return_type(ctx: FileContext, view: ApiView, call: cst.Call, depth: int = 0) -> str | None:
    q = ctx.qualname(call.func)
    if q is not None:
        if view.kind(q) == "class":
            return q
        split = view.split_member(q)
        if split is not None:
            m = (view.members(split[0]) or {}).get(split[1])
            return _concrete(m.type) if m is not None and m.kind == "m" else None
        return None
    helper = _file_function(ctx, call)
    if helper is not None:
        return _annotation_type(ctx, view, helper.returns.annotation) if helper.returns is not None else None
    if isinstance(call.func, cst.Attribute):
        recv = infer_type(ctx, view, call.func.value, depth + 1)
        if recv is not None and view.has_type(recv):
            m = (view.members(recv) or {}).get(call.func.attr.value)
            if m is not None and m.kind == "m":
                return _concrete(m.type)
    return None


# ----------------------------------------------------------------------------------------------
# Types the file declares: parameter and return annotations, and ``self`` in a construct class


def _annotation_type(ctx: FileContext, view: ApiView, ann: cst.BaseExpression) -> str | None:
    """``s3.Bucket``, ``"s3.Bucket"``, ``Optional[s3.Bucket]`` or ``s3.Bucket | None`` -> the API type."""
    if isinstance(ann, cst.SimpleString):
        text = ann.evaluated_value
        try:
            ann = cst.parse_expression(text) if isinstance(text, str) else ann
        except cst.ParserSyntaxError:
            return None
    if isinstance(ann, cst.Subscript) and dotted_name(ann.value) in ("Optional", "typing.Optional") \
            and len(ann.slice) == 1 and isinstance(ann.slice[0].slice, cst.Index):
        ann = ann.slice[0].slice.value
    if isinstance(ann, cst.BinaryOperation) and isinstance(ann.operator, cst.BitOr):
        sides = [s for s in (ann.left, ann.right) if not (isinstance(s, cst.Name) and s.value == "None")]
        if len(sides) != 1:
            return None
        ann = sides[0]
    q = ctx.qualname(ann) if isinstance(ann, (cst.Name, cst.Attribute)) else None
    return q if q is not None and view.has_type(q) else None


def _declared_type(ctx: FileContext, view: ApiView, name: cst.Name) -> str | None:
    """The type a parameter's annotation gives (``bucket: s3.Bucket``); None when the name is bound
    otherwise too in its scope."""
    for scope in ctx.scopes.visible_scopes(name):
        bindings = ctx.scopes.in_scope(scope, name.value)
        if not bindings:
            continue
        if len(bindings) != 1 or not isinstance(bindings[0].node, cst.Param):
            return None
        param = bindings[0].node
        return None if param.annotation is None else _annotation_type(ctx, view, param.annotation.annotation)
    return None


def _inherited_from_cdk(ctx: FileContext, view: ApiView, expr: cst.Attribute) -> str | None:
    """``self.node``, ``self.region`` in a class deriving from an aws-cdk-lib class: the type of that
    class's property, when the class (and its bases in the file) defines no member of that name.
    ``self`` itself stays of unknown type: the class has members the API does not know."""
    if not (isinstance(expr.value, cst.Name) and expr.value.value == "self"):
        return None
    fn = ctx.enclosing(expr, cst.FunctionDef)
    cls = ctx.enclosing(fn, cst.ClassDef) if fn is not None else None
    if not isinstance(cls, cst.ClassDef) or ctx.enclosing(cls, cst.FunctionDef) is not None:
        return None
    first = [*fn.params.posonly_params, *fn.params.params][:1]  # type: ignore[union-attr]
    if not first or first[0].name.value != "self":
        return None
    if expr.attr.value in _members_defined(ctx, cls):
        return None
    return _cdk_base(ctx, view, cls)


def _members_defined(ctx: FileContext, cls: cst.ClassDef) -> set[str]:
    """Names a class of the file (and its bases in the file) defines: methods, class attributes,
    ``self.<name>`` it assigns anywhere."""
    out: set[str] = set()
    family, seen = [cls], set()
    while family:
        c = family.pop()
        if c in seen:
            continue
        seen.add(c)
        out |= {s.name.value for s in c.body.body if isinstance(s, (cst.FunctionDef, cst.ClassDef))}
        out |= {b.name for b in ctx.scopes.bindings if b.scope is c}
        out |= {a.target[len("self."):] for a in ctx.assignments if a.target.startswith("self.") and a.scope is c}
        family += [x for x in ctx.classes for base in c.bases
                   if isinstance(base.value, cst.Name) and x.name.value == base.value.value and x is not c]
    return out


def _cdk_base(ctx: FileContext, view: ApiView, cls: cst.ClassDef, seen: frozenset[str] = frozenset()) -> str | None:
    """The aws-cdk-lib class a class of the file derives from (through other classes of the file)."""
    for base in cls.bases:
        if base.keyword is not None:
            continue
        q = ctx.qualname(base.value)
        if q is not None and view.kind(q) == "class":
            return q
        local = next((c for c in ctx.classes if isinstance(base.value, cst.Name) and c.name.value == base.value.value
                      and c.name.value not in seen), None)
        if local is not None:
            found = _cdk_base(ctx, view, local, seen | {cls.name.value})
            if found is not None:
                return found
    return None


def _file_function(ctx: FileContext, call: cst.Call) -> cst.FunctionDef | None:
    """The function of the file a call runs: ``helper(...)`` (module level) or ``self.helper(...)``
    (a method of the class the call is in)."""
    if isinstance(call.func, cst.Name):
        found = [s for s in ctx.module.body if isinstance(s, cst.FunctionDef) and s.name.value == call.func.value]
        return found[0] if len(found) == 1 else None
    if isinstance(call.func, cst.Attribute) and isinstance(call.func.value, cst.Name) and call.func.value.value == "self":
        cls = ctx.enclosing(call, cst.ClassDef)
        if isinstance(cls, cst.ClassDef):
            found = [s for s in cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == call.func.attr.value]
            return found[0] if len(found) == 1 else None
    return None


def call_signature(ctx: FileContext, view: ApiView, call: cst.Call) -> Signature | None:
    """What an aws_cdk constructor, static method or method of a known receiver accepts."""
    q = ctx.qualname(call.func)
    if q is not None:
        if not q.startswith("aws_cdk."):
            return None
        if view.has_type(q):
            return view.constructor(q)
        split = view.split_member(q)
        return None if split is None else view.method(*split)
    if isinstance(call.func, cst.Attribute):
        recv = infer_type(ctx, view, call.func.value)
        if recv is not None and recv.startswith("aws_cdk.") and view.has_type(recv):
            return view.method(recv, call.func.attr.value)
    return None


# ----------------------------------------------------------------------------------------------
# Close names


def _tokens(name: str) -> tuple[str, ...]:
    out = []
    for t in name.lower().strip("_").split("_"):
        if not t:
            continue
        if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        out.append(t)
    return tuple(out)


def is_close(wrong: str, right: str) -> bool:
    """Names a person could have meant for each other: the same words give or take some, or a typo."""
    a, b = _tokens(wrong), _tokens(right)
    if a == b:
        return True
    sa, sb = set(a), set(b)
    if sa and sb and (sa < sb or sb < sa) and len(sa ^ sb) == 1:
        # one word more or less (backup_window / preferred_backup_window, memory / memory_size)
        return True
    return difflib.SequenceMatcher(None, wrong.lower(), right.lower()).ratio() >= 0.85


def _squashed(name: str) -> str:
    return "".join(_tokens(name))


def same_meaning(wrong: str, right: str, owner: str) -> bool:
    """Names that mean the same member: the same words but for underscores, case or a plural
    (``grant_readwrite``/``grant_read_write``), or an attribute named after its class
    (``bucket.arn``/``bucket_arn`` on a Bucket). Other close names may mean something else
    (``metric_concurrent_executions`` is not ``metric_all_concurrent_executions``)."""
    if _squashed(wrong) == _squashed(right):
        return True
    extra = set(_tokens(right)) - set(_tokens(wrong))
    owner_words = set(_tokens(re.sub(r"(?<!^)(?=[A-Z])", "_", owner.rsplit(".", 1)[-1])))
    return bool(extra) and extra <= owner_words and set(_tokens(wrong)) < set(_tokens(right))


def close_names(wrong: str, names: list[str]) -> list[str]:
    """The names ``wrong`` may stand for: those equal to it but for underscores, case and a plural
    ``s`` (``PYTHON3_12`` -> ``PYTHON_3_12``) when there are any, else the close ones."""
    same = [n for n in names if n != wrong and _squashed(n) == _squashed(wrong)]
    if same:
        return same
    return [n for n in names if n != wrong and is_close(wrong, n)]


def with_longer_names(wrong: str, close: list[str], names: list[str]) -> list[str]:
    """``close`` plus every name that has all the words of ``wrong`` and more, when a close name
    has one word more: for constants the extra word is the meaning (``SubnetType.PRIVATE`` may be
    ``PRIVATE_ISOLATED``, ``PRIVATE_WITH_NAT`` or ``PRIVATE_WITH_EGRESS``), so that is no unique guess."""
    words = set(_tokens(wrong))
    if not words or not any(words < set(_tokens(n)) for n in close):
        return close
    return close + [n for n in names if n not in close and n != wrong and words < set(_tokens(n))]


def short(qualname: str) -> str:
    return qualname[len("aws_cdk."):] if qualname.startswith("aws_cdk.") else qualname


def candidates_text(names: list[str]) -> str:
    return ", ".join(f"`{n}`" for n in sorted(names))
