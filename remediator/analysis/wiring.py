"""How the constructs of a file are wired to each other: where a construct's variable is used.

Rules that add something next to a construct (a scaling policy after an Auto Scaling group, a flow
log after a VPC, an alarm after a function) first ask whether the file already does it, or might
do it where we cannot see:

* :func:`uses` -- every place the variable holding a construct is read: as the receiver of a
  method (``vpc.add_flow_log(...)``), as an argument (``FlowLog(resource_type=
  FlowLogResourceType.from_vpc(vpc))``, ``CfnScalingPolicy(auto_scaling_group_name=
  asg.auto_scaling_group_name)``), or otherwise;
* :func:`passed_as` -- the calls that receive the construct as a given keyword;
* :func:`handed_to_own_code` -- the construct is given to the app's own code (a helper method
  ``self._add_alarms(fn)``, a function, a construct class of the app), which may do the same thing
  where this rule cannot see: a rule then stays silent rather than add a second one;
* :func:`construct_scope` and :func:`free_child_id` -- how to write a new construct beside it.

A construct is followed through the name or ``self`` attribute it is bound to
(:meth:`~remediator.analysis.context.ConstructCall.refers_to`), in the scope where that binding is
visible; a construct built inside a larger expression has no uses.
"""

from __future__ import annotations

import builtins
import sys
from dataclasses import dataclass
from typing import Collection, Iterator

import libcst as cst

from remediator.analysis.bindings import Kind, local_bases, root_name
from remediator.analysis.context import ConstructCall, literal_value

_BUILTINS = frozenset(dir(builtins))


@dataclass(frozen=True)
class Use:
    """One read of the variable holding a construct."""

    ref: cst.BaseExpression  #: the ``vpc`` / ``self.vpc`` node
    #: the call it is an argument of, directly or inside an attribute, list, tuple, dict or
    #: another call's argument (``from_vpc(vpc)`` inside ``FlowLog(...)`` gives both calls,
    #: innermost first)
    calls: tuple[cst.Call, ...] = ()
    #: the keyword of the outermost argument it is part of, None when positional
    keyword: str | None = None
    #: ``ref.method(...)``: the method called on the construct itself
    method: str | None = None
    method_call: cst.Call | None = None


def _references(call: ConstructCall) -> Iterator[cst.BaseExpression]:
    name = call.binding
    if name is None:
        return
    ctx = call.ctx
    if name.startswith("self.") and name.count(".") == 1:
        attr = name[len("self."):]
        candidates: list[cst.BaseExpression] = [
            a for a in ctx.attributes
            if a.attr.value == attr and isinstance(a.value, cst.Name) and a.value.value == "self"]
    elif "." not in name:
        candidates = list(ctx.references.get(name, ()))
    else:
        return
    for node in candidates:
        parent = ctx.parent(node)
        if isinstance(parent, cst.AssignTarget) or (isinstance(parent, cst.AnnAssign) and parent.target is node):
            continue
        if call.refers_to(node, node):
            yield node


def uses(call: ConstructCall) -> list[Use]:
    """Every read of the variable that holds ``call``'s construct, in the scopes that see it."""
    ctx = call.ctx
    out = []
    for ref in _references(call):
        parent = ctx.parent(ref)
        if isinstance(parent, cst.Attribute) and parent.value is ref:
            outer = ctx.parent(parent)
            if isinstance(outer, cst.Call) and outer.func is parent:
                out.append(Use(ref, method=parent.attr.value, method_call=outer))
                continue
        calls: list[cst.Call] = []
        keyword: str | None = None
        node: cst.CSTNode = ref
        current = parent
        while current is not None and not isinstance(current, (cst.BaseStatement, cst.BaseSmallStatement)):
            if isinstance(current, cst.Arg) and current.value is node:
                keyword = current.keyword.value if current.keyword is not None else None
            elif isinstance(current, cst.Call) and current.func is not node:
                calls.append(current)
            elif not isinstance(current, (cst.Attribute, cst.Element, cst.BaseList, cst.Tuple, cst.BaseDict,
                                          cst.DictElement, cst.StarredElement, cst.Arg)):
                break
            node, current = current, ctx.parent(current)
        out.append(Use(ref, tuple(calls), keyword))
    return out


def passed_as(call: ConstructCall, keyword: str, qualnames: Collection[str] | None = None) -> list[cst.Call]:
    """The calls that receive the construct (or an attribute of it, or a call on it) as
    ``keyword=``: ``auto_scaling_group=asg``, ``resource_type=FlowLogResourceType.from_vpc(vpc)``.
    With ``qualnames``, only calls of those aws-cdk-lib names."""
    out = []
    for use in uses(call):
        if use.keyword != keyword or not use.calls:
            continue
        outer = use.calls[-1]
        if qualnames is None or call.ctx.call_qualname(outer) in qualnames:
            out.append(outer)
    return out


def passed_to_methods(call: ConstructCall, methods: Collection[str]) -> list[cst.Call]:
    """Calls ``x.method(..., construct, ...)`` of one of ``methods`` that take the construct as an
    argument (``cluster.connect_auto_scaling_group_capacity(asg)``)."""
    out = []
    for use in uses(call):
        for c in use.calls:
            if isinstance(c.func, cst.Attribute) and c.func.attr.value in methods:
                out.append(c)
    return out


def is_own_code(call: ConstructCall, node: cst.Call) -> bool:
    """A call of the app's own code: ``self.helper(...)``, a function or class defined in the file
    or imported from anywhere but aws-cdk-lib (``Monitoring(self, "M", fn=fn)``)."""
    ctx = call.ctx
    if ctx.call_qualname(node) is not None:
        return False
    func = node.func
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
        return func.attr.value in _methods_of_class(call, node)
    root = root_name(func)
    if root is None or (isinstance(func, cst.Name) and func.value in _BUILTINS and not ctx.scopes.kinds_at(
            func.value, node)):
        return False
    kinds = ctx.scopes.kinds_at(root.value, node)
    if isinstance(func, cst.Name):
        return bool(kinds & {Kind.DEF, Kind.CLASS, Kind.IMPORT})
    return Kind.IMPORT in kinds and ctx.imports.resolve(func) is None and root.value not in sys.stdlib_module_names


def _methods_of_class(call: ConstructCall, at: cst.CSTNode) -> set[str]:
    """Methods defined by the class around ``at`` and by its base classes in the file (a method
    it inherits from aws-cdk-lib, ``self.export_value(...)``, is not the app's code)."""
    cls = call.ctx.enclosing(at, cst.ClassDef)
    if not isinstance(cls, cst.ClassDef):
        return set()
    out: set[str] = set()
    for c in [cls, *local_bases(cls, call.ctx.classes)]:
        out |= {s.name.value for s in c.body.body if isinstance(s, cst.FunctionDef)}
    return out


def handed_to_own_code(call: ConstructCall) -> cst.Call | None:
    """The first call of the app's own code that receives the construct, if any: that code may
    already do what a rule would add."""
    for use in uses(call):
        for c in use.calls:
            if is_own_code(call, c):
                return c
    return None


def construct_scope(call: ConstructCall) -> str | None:
    """The code of the scope the construct was built in (``self``, ``scope``), for constructs
    added beside it; None when it is not written as the first argument or ``scope=``."""
    value = call.positional(0) or call.value("scope")
    return None if value is None else call.ctx.module.code_for_node(value)


def free_child_id(call: ConstructCall, base: str) -> str:
    """A construct id for a child added to the construct through a method
    (``vpc.add_gateway_endpoint("S3Endpoint", ...)``) that no call of the file uses yet, neither as
    a construct's id nor as the first argument of such a method."""
    taken = set()
    for node in call.ctx.calls:
        first = node.args[0] if node.args and node.args[0].keyword is None else None
        if isinstance(node.func, cst.Attribute) and first is not None:
            value = literal_value(first.value)
            if isinstance(value, str):
                taken.add(value)
    while True:
        candidate = call.ctx.free_construct_id(base)
        if candidate not in taken:
            return candidate
