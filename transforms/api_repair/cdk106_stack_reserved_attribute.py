from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis.bindings import Kind, NameBinding, assigned_expressions, classes_deriving_from, local_bases
from remediator.analysis.cdk_facts import STACK_CLASSES
from remediator.analysis.context import FileContext
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier

#: Read-only properties of ``aws_cdk.Stack`` (2.275; tests/test_cdk106_stack_attributes.py checks
#: this list against the installed aws_cdk.Stack). Used when the API index does not answer.
READ_ONLY = frozenset({
    "account", "artifact_id", "availability_zones", "bundling_required", "dependencies", "env",
    "environment", "nested", "nested_stack_parent", "nested_stack_resource", "node",
    "notification_arns", "partition", "region", "stack_id", "stack_name", "synthesizer", "tags",
    "template_file", "template_options", "url_suffix",
})

#: Every public member of ``aws_cdk.Stack`` (and NestedStack) a new name must not collide with,
#: beyond READ_ONLY: methods and the writable ``termination_protection``.
OTHER_MEMBERS = frozenset({
    "add_dependency", "add_metadata", "add_stack_dependency", "add_stack_tag", "add_transform",
    "consume_list_reference", "consume_reference", "export_string_list_value", "export_value",
    "format_arn", "get_logical_id", "is_construct", "is_nested_stack", "is_stack", "of",
    "regional_fact", "remove_stack_tag", "rename_logical_id", "report_missing_context_key",
    "resolve", "set_parameter", "split_arn", "termination_protection", "to_json_string",
    "to_string", "to_yaml_string", "with_",
})

#: The name an attribute is renamed to (then ``_2``, ``_3``... while taken).
PREFERRED = {
    "environment": "environment_name",
    "env": "target_env",
    "region": "region_name",
    "account": "account_id",
    "stack_name": "stack_name_value",
    "tags": "tag_values",
    "node": "node_value",
    "partition": "partition_name",
    "dependencies": "dependency_list",
    "synthesizer": "synthesizer_value",
    "availability_zones": "azs",
}


def _read_only(ctx: FileContext) -> frozenset[str]:
    """Read-only Stack properties: from the API index (instance properties without a setter of
    ``aws_cdk.Stack`` and ``NestedStack``), else the reviewed list."""
    try:
        api = ctx.api
        names = {name for cls in STACK_CLASSES for name, prop in (api.properties(cls) or {}).items()
                 if prop.readonly and not prop.static and not name.startswith("_")}
    except Exception:  # noqa: BLE001 - no index available: the reviewed list stands in
        return READ_ONLY
    return frozenset(names) or READ_ONLY


def _is_stack_class(ctx: FileContext, qualname: str) -> bool:
    if qualname in STACK_CLASSES:
        return True
    if not qualname.startswith("aws_cdk."):
        return False
    try:
        return bool(ctx.api.is_subtype(qualname, "aws_cdk.Stack"))
    except Exception:  # noqa: BLE001
        return False


class _SelfAttributes(cst.CSTVisitor):
    """Every ``self.X`` in a class's own methods (nested classes have their own ``self``)."""

    def __init__(self, root: cst.ClassDef) -> None:
        self.root = root
        self.uses: list[cst.Attribute] = []
        self.assigned: dict[str, cst.CSTNode] = {}  # attribute -> first assignment target
        self.class_level: set[str] = set()

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        if node is not self.root:
            return False
        for stmt in node.body.body:
            if isinstance(stmt, cst.FunctionDef):
                self.class_level.add(stmt.name.value)
            elif isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    targets: list[cst.BaseExpression] = []
                    if isinstance(small, cst.Assign):
                        targets = [t.target for t in small.targets]
                    elif isinstance(small, cst.AugAssign) or (isinstance(small, cst.AnnAssign) and small.value):
                        targets = [small.target]  # a bare annotation (`environment: str`) defines nothing
                    self.class_level.update(t.value for t in targets if isinstance(t, cst.Name))
        return True

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Name) and node.value.value == "self":
            self.uses.append(node)

    def _targets(self, target: cst.CSTNode) -> None:
        for t in assigned_expressions(target):
            if isinstance(t, cst.Attribute) and dotted_name(t.value) == "self":
                self.assigned.setdefault(t.attr.value, t)

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self._targets(t.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._targets(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._targets(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._targets(node.target)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._targets(node.asname)


class StackReservedAttribute(Rule):
    """
    ## What it does
    Finds a class deriving from `aws_cdk.Stack` (or `NestedStack`) that assigns one of the
    Stack's read-only properties as if it were its own attribute: `self.environment = ...`,
    `self.region = ...`, `self.account = ...`, `self.tags = ...`, `self.env = ...`.

    ## Why is this bad?
    Those names are read-only properties of `Stack`; assigning one raises
    `AttributeError: property 'environment' of 'MyStack' object has no setter` and the app never
    synthesizes. AI drafts do this often, e.g. to keep the deployment environment's name.

    ## Example
    ```python
    class ApiStack(Stack):
        def __init__(self, scope, construct_id, environment: str, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            self.environment = environment
            s3.Bucket(self, "Data", bucket_name=f"data-{self.environment}")
    ```
    Use instead:
    ```python
    class ApiStack(Stack):
        def __init__(self, scope, construct_id, environment: str, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            self.environment_name = environment
            s3.Bucket(self, "Data", bucket_name=f"data-{self.environment_name}")
    ```

    ## Fix safety
    Safe: every `self.<name>` of that class (and of its subclasses in the same file) is renamed
    to a name the class does not use yet and `Stack` does not define (`environment` →
    `environment_name`, `region` → `region_name`, `account` → `account_id`), so the class reads
    back what it stored; a read that runs before the first assignment in the same method
    (`self.region = self.region or "eu-west-1"`) meant the Stack's property and keeps it. In the same file, `x.environment` is renamed too where every binding of
    `x` is an instance of the class (`x = ApiStack(...)`, a parameter annotated `x: ApiStack`).
    When a base class of the same file (a mixin) uses `self.environment` as well, nothing is
    renamed and the finding says so. Code in other files that reads `stack.environment` from
    outside keeps getting the Stack's own property; the finding says which name the value moved to.
    """

    code, name, tier = "CDK106", "stack-reserved-attribute", Tier.SAFE
    summary = "A Stack subclass must not assign the Stack's read-only properties"
    triggers = ("Stack",)
    changelog = "Rename {count} {noun}"
    noun = ("attribute that shadowed a read-only Stack property",
            "attributes that shadowed read-only Stack properties")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        # cheap first: is any `self.<read-only name>` assigned at all? (one pass over the indexed
        # attributes; most files stop here)
        read_only = _read_only(ctx)
        if not any(_assigned_self_attribute(ctx, a, read_only) for a in ctx.attributes):
            return
        stack_classes = classes_deriving_from(ctx.classes, ctx.qualname, lambda q: _is_stack_class(ctx, q))
        if not stack_classes:
            return
        forbidden = read_only | OTHER_MEMBERS
        subclasses = self._local_subclasses(stack_classes)
        infos = {id(c): self._scan(c) for c in stack_classes}
        covered: set[tuple[str, str]] = set()  # (class, attribute) renamed with an ancestor
        depth = {id(c): sum(c in subs for subs in subclasses.values()) for c in stack_classes}
        for cls in sorted(stack_classes, key=lambda c: depth[id(c)]):
            info = infos[id(cls)]
            family = [cls, *subclasses.get(cls.name.value, [])]
            family_infos = [infos[id(c)] for c in family]
            for attr, target in info.assigned.items():
                if attr not in read_only or attr in info.class_level or (cls.name.value, attr) in covered:
                    continue
                covered.update((c.name.value, attr) for c in family)
                used = set()
                for fi in family_infos:
                    used |= {u.attr.value for u in fi.uses} | fi.class_level
                new = _free_name(attr, used | forbidden)
                msg = (f"`self.{attr}` is a read-only property of Stack (AttributeError at synth); "
                       f"rename it to `self.{new}` in `{cls.name.value}`")
                # a base class of this file shares `self`: renaming only here would make it read the
                # Stack's own property instead of the stored value
                sharing = [b.name.value for b in self._local_ancestors(family, ctx.classes)
                           if any(u.attr.value == attr for u in self._scan(b).uses)]
                if sharing:
                    yield self.finding(target, f"{msg}; not renamed: its base class `{sharing[0]}` uses "
                                               f"`self.{attr}` too (rename it there as well)")
                    continue
                edits = [Edit.rename_attribute(u, new) for fi in family_infos for u in fi.uses
                         if u.attr.value == attr and not _reads_property(ctx, u, target)]
                # `api = ApiStack(...)` / `api: ApiStack` elsewhere in the file: `api.environment` is
                # the moved value too
                edits += [Edit.rename_attribute(u, new) for u in _instance_uses(ctx, family, attr)]
                yield self.finding(
                    target,
                    f"`self.{attr}` is a read-only property of Stack (AttributeError at synth); "
                    f"rename it to `self.{new}` in `{cls.name.value}`",
                    fix=Fix(edits))

    @staticmethod
    def _scan(cls: cst.ClassDef) -> _SelfAttributes:
        v = _SelfAttributes(cls)
        cls.visit(v)
        return v

    @staticmethod
    def _local_ancestors(family: list[cst.ClassDef], classes: list[cst.ClassDef]) -> list[cst.ClassDef]:
        """The classes of this file that members of ``family`` derive from, outside the family."""
        out: list[cst.ClassDef] = []
        todo = list(family)
        while todo:
            for b in local_bases(todo.pop(), classes):
                if b not in family and b not in out:
                    out.append(b)
                    todo.append(b)
        return out

    @staticmethod
    def _local_subclasses(stack_classes: list[cst.ClassDef]) -> dict[str, list[cst.ClassDef]]:
        """name -> the stack classes of this file deriving from it (transitively)."""
        direct: dict[str, list[cst.ClassDef]] = {}
        for c in stack_classes:
            for base in c.bases:
                local = dotted_name(base.value)
                if local is not None and base.keyword is None:
                    direct.setdefault(local, []).append(c)
        out: dict[str, list[cst.ClassDef]] = {}
        for c in stack_classes:
            todo, found = list(direct.get(c.name.value, [])), []
            while todo:
                sub = todo.pop()
                if sub in found or sub is c:
                    continue
                found.append(sub)
                todo.extend(direct.get(sub.name.value, []))
            out[c.name.value] = found
        return out


def _assigned_self_attribute(ctx: FileContext, node: cst.Attribute, names: frozenset[str]) -> bool:
    if node.attr.value not in names or not (isinstance(node.value, cst.Name) and node.value.value == "self"):
        return False
    child, parent = node, ctx.parent(node)
    while isinstance(parent, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
        child, parent = parent, ctx.parent(parent)
    if isinstance(parent, (cst.AssignTarget, cst.For)):
        return getattr(parent, "target", None) is child
    if isinstance(parent, (cst.AnnAssign, cst.AugAssign)):
        return parent.target is child
    return isinstance(parent, cst.AsName)



def _reads_property(ctx: FileContext, use: cst.Attribute, first: cst.CSTNode) -> bool:
    """``use`` runs before the first assignment ``first`` in the same method (earlier, or in the
    value being assigned: `self.region = self.region or "us-east-1"`): it reads the Stack's own
    property, and keeps reading it."""
    if use is first:
        return False
    fn = ctx.enclosing(first, cst.FunctionDef)
    if fn is None or ctx.enclosing(use, cst.FunctionDef) is not fn:
        return False
    stmt = ctx.statement_of(first)
    if stmt is None:
        return False
    if ctx.statement_of(use) is stmt:
        return not _assigned_self_attribute(ctx, use, frozenset({use.attr.value}))
    return ctx.position(use) < ctx.position(stmt)


def _instance_uses(ctx: FileContext, family: list[cst.ClassDef], attr: str) -> list[cst.Attribute]:
    """``x.<attr>`` where every binding of the name ``x`` in the file is an instance of ``family``
    (``x = ApiStack(...)``, ``x: ApiStack = ...`` or a parameter annotated ``x: ApiStack``)."""
    names = {c.name.value for c in family}

    def annotated(ann: cst.Annotation | None) -> bool:
        a = None if ann is None else ann.annotation
        return (a.evaluated_value if isinstance(a, cst.SimpleString) else dotted_name(a)) in names if a else False

    def built(value: cst.BaseExpression | None) -> bool:
        return isinstance(value, cst.Call) and dotted_name(value.func) in names

    def ours(b: NameBinding) -> bool:
        node = b.node
        if isinstance(node, cst.Assign):
            return b.kind is Kind.ASSIGN and built(node.value)
        if isinstance(node, cst.AnnAssign):
            return isinstance(node.target, cst.Name) and annotated(node.annotation) and (
                node.value is None or built(node.value))
        return isinstance(node, cst.Param) and annotated(node.annotation)

    verdicts: dict[str, bool] = {}
    for b in ctx.scopes.bindings:
        verdicts[b.name] = verdicts.get(b.name, True) and ours(b)
    instances = {n for n, v in verdicts.items() if v} - {"self"}
    return [a for a in ctx.attributes
            if a.attr.value == attr and isinstance(a.value, cst.Name) and a.value.value in instances]


def _free_name(attr: str, taken: set[str] | frozenset[str]) -> str:
    base = PREFERRED.get(attr, f"{attr}_value")
    if base not in taken:
        return base
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


def absent_names():
    """The attribute names this rule renames to must not be Stack members (tests/test_api_names.py)."""
    for new in PREFERRED.values():
        yield f"aws_cdk.Stack.{new}"
        yield f"aws_cdk.NestedStack.{new}"
