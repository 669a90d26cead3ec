from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.bindings import local_bases
from remediator.analysis.cdk_facts import (
    context_key,
    environment_reference,
    is_construct_class,
    is_environment_key,
    methods_of,
    stack_classes_of,
)
from remediator.analysis.context import FileContext, literal_value
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.analysis.tagging import TAG_REPLACING_CONSTRUCTS, replaced_by_new_tags
from remediator.source.cdk_app import SOME_TAGS, app_tag_keys

TAGS_OF = ("aws_cdk.Tags.of", "aws_cdk.core.Tags.of")
TAG_ASPECTS = ("aws_cdk.Tag", "aws_cdk.core.Tag")


def suggested_names() -> Iterable[str]:
    return ("aws_cdk.Tags.of", "aws_cdk.Tags.add(exclude_resource_types)", "aws_cdk.Tag", "aws_cdk.TagManager.set_tag")


@dataclass
class _Applied:
    """Tag keys (lower case) applied per stack class, and to every stack of the file."""

    by_class: dict[cst.ClassDef, set[str]] = field(default_factory=dict)
    everywhere: set[str] = field(default_factory=set)


class ResourceTags(Rule):
    """
    ## What it does
    Finds stacks that do not tag their resources with `Environment`, `Owner` and `Project`:
    no `Tags.of(self).add(...)` (or `tags=` of the stack, `self.tags.set_tag`, a `Tag` aspect)
    for those keys in the stack class, in code of the same file that tags the app or the stack,
    or in the app's entry file (`app.py` of `cdk.json`). Keys compare without case.

    ## Why is this bad?
    Untagged resources cannot be attributed: cost allocation, ownership, cleanup of old
    environments and tag-based access policies all start from these tags.

    ## Example
    ```python
    env_name = self.node.try_get_context("env") or "dev"
    s3.Bucket(self, "Data")
    ```
    Use instead:
    ```python
    env_name = self.node.try_get_context("env") or "dev"
    Tags.of(self).add("Environment", env_name)
    s3.Bucket(self, "Data")
    ```

    ## Fix safety
    The fix adds `Tags.of(self).add(key, value)` after the statement that initialises the stack
    (or that binds the environment name it uses), for each missing key that has a value: the
    value configured in `tags`, else for `Environment` the stack's own environment name (a
    `try_get_context("env")` value with a default, a `stage` / `env_name` parameter, `self.stage`,
    `props.environment_suffix`...), else a context key of the same name set in `cdk.json`
    (`self.node.try_get_context("owner")`). Keys without a value are reported, never invented;
    an environment name that may be `None` (a context lookup without a default) is reported too,
    since `Tags.add` rejects `None` at synth.

    Tags are updated in place for almost every resource type, but a few types take tags only at
    creation (their CloudFormation schema lists the tags as create-only: EC2 key pairs and
    placement groups, Batch compute environments, Kinesis stream consumers, AppConfig
    deployments, App Runner services...): a new tag replaces them. The fix excludes the types the
    stack builds from the new tags (`exclude_resource_types=[...]`), so it is **safe**. When the
    stack builds constructs defined in other files (their resources cannot be seen), the fix is
    **unsafe** and the finding names them. A new tag only adds a key the stack did not set; it
    can still matter to tag-based access policies that test that key.

    The rule is off by default (enable it with `extend-select = ["CDK502"]`): which tags a
    stack carries, and their values, are an organisation's policy, and many apply them outside
    the stack (`cdk deploy --tags`, tag policies, a pipeline).

    ## Options
    `required` (default `["Environment", "Owner", "Project"]`): the keys every stack needs.
    `tags` (default `{}`): values, e.g. `tags = { Owner = "platform-team", Project = "orders" }`;
    configured keys outside `required` are added too.
    """

    code, name, tier = "CDK502", "resource-tags", Tier.SAFE
    tier_note = "(unsafe when the stack builds constructs defined elsewhere)"
    summary = "Stacks should tag their resources with Environment, Owner and Project"
    triggers = ("Stack",)
    default_enabled = False
    options: dict[str, Any] = {"required": ["Environment", "Owner", "Project"], "tags": {}}
    changelog = "Tag the resources of {count} {noun}"
    noun = ("stack", "stacks")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        stacks = stack_classes_of(ctx)
        if not stacks:
            return
        applied = _applied_tags(ctx, stacks)
        applied.everywhere |= app_tag_keys(ctx.app)
        for cls in stacks:
            keys = _inherited(cls, ctx, stacks, applied)
            if keys is None or SOME_TAGS in keys or SOME_TAGS in applied.everywhere:
                continue
            yield from self._check(ctx, cls, keys | applied.everywhere)

    def _check(self, ctx: FileContext, cls: cst.ClassDef, present: set[str]) -> Iterator[Finding]:
        configured = {str(k): str(v) for k, v in (self.settings.get("tags") or {}).items()}
        wanted = list(dict.fromkeys([*(self.settings.get("required") or ()), *configured]))
        missing = [k for k in wanted if k.lower() not in present]
        init = next((f for f in methods_of(cls) if f.name.value == "__init__"), None)
        anchor = _super_init(init) if init is not None else None
        if not missing or init is None or anchor is None:
            return
        lookup = {k.lower(): v for k, v in configured.items()}
        values: dict[str, str] = {}
        notes: list[str] = []
        for key in missing:
            if key.lower() in lookup:
                values[key] = json.dumps(lookup[key.lower()])
                continue
            found = _environment_value(ctx, init) if is_environment_key(key) else None
            if isinstance(found, tuple):
                values[key], later = found
                anchor = later if _after(ctx, later, anchor) else anchor
                continue
            context = _context_value(ctx, key)
            if context is not None:
                values[key] = context
            elif found is not None:
                notes.append(found)
        stack = f"stack {cls.name.value}"
        message = f"{stack} has no {', '.join(missing)} tag{'s' if len(missing) > 1 else ''}"
        unvalued = [k for k in missing if k not in values]
        lacking = (f"; no value for {', '.join(unvalued)}: set {'it' if len(unvalued) == 1 else 'them'} in "
                   "[tool.remediator.rules.CDK502] tags" if unvalued else "") + "".join(f"; {n}" for n in notes)
        if not values:
            yield self.finding(cls.name, message + lacking, tier=Tier.REPORT)
            return
        replaced, unseen = _built_types(ctx, cls)
        lines, exclude = [], ""
        if replaced:
            name = ctx.fresh_name("replaced_by_new_tags")
            listed = [json.dumps(t) for t in sorted(replaced)]
            one_line = f"{name} = [{', '.join(listed)}]"
            lines += [one_line if ctx.position(anchor)[1] - 1 + len(one_line) <= ctx.settings.get("line-length", 100)
                      else f"{name} = [\n" + "".join(f"    {t},\n" for t in listed) + "]"]
            exclude = f", exclude_resource_types={name}"
        lines += [f'`aws_cdk.Tags`.of(self).add({json.dumps(k)}, {v}{exclude})' for k, v in values.items()]
        code = "\n".join(lines)
        edit = ctx.insert_after(anchor, code)
        column = ctx.position(anchor)[1] - 1
        edit.after = E.fit_statements(edit.after, " " * column, ctx.settings.get("line-length"),
                                      ctx.module.default_indent)
        if replaced:  # say why the list is there
            comment = cst.EmptyLine(comment=cst.Comment("# a new tag would replace resources of these types "
                                                        "(their tags are create-only)"))
            edit.after = [edit.after[0].with_changes(leading_lines=[comment]), *edit.after[1:]]
        message += f": add {', '.join(values)}" + lacking
        if replaced:
            message += f"; {', '.join(sorted(replaced))} excluded (a new tag replaces such resources)"
        if unseen:
            yield self.finding(cls.name, f"{message}; unsafe: the tags also reach what {', '.join(sorted(unseen))} "
                                         "build(s), defined elsewhere: a resource type that takes tags only at "
                                         "creation there would be replaced", fix=edit, tier=Tier.UNSAFE)
            return
        yield self.finding(cls.name, message, fix=edit)


def _key(call: cst.Call, index: int = 0) -> str:
    """The lower-case tag key a call passes (positionally at ``index``, or as ``key=``), else SOME_TAGS."""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    arg = positional[index].value if len(positional) > index else next(
        (a.value for a in call.args if a.keyword is not None and a.keyword.value == "key"), None)
    value = literal_value(arg) if arg is not None else None
    return value.lower() if isinstance(value, str) else SOME_TAGS


def _applied_tags(ctx: FileContext, stacks: list[cst.ClassDef]) -> _Applied:
    """Where the file applies tags: to ``self`` in a stack class, or (outside the stack classes)
    to an app, stage or stack, which counts for every stack of the file."""
    out = _Applied({cls: set() for cls in stacks})
    names = {cls.name.value: cls for cls in stacks}

    def record(at: cst.CSTNode, scope: cst.BaseExpression | None, key: str) -> None:
        cls = next((c for c in ctx.ancestors(at) if isinstance(c, cst.ClassDef)), None)
        if cls in out.by_class:
            if isinstance(scope, cst.Name) and scope.value == "self":
                out.by_class[cls].add(key)  # type: ignore[index]
        elif cls is None:
            out.everywhere.add(key)

    for call in ctx.calls:
        q = ctx.call_qualname(call)
        func = call.func
        if q in TAGS_OF and call.args:
            parent = ctx.parent(call)
            add = ctx.parent(parent) if isinstance(parent, cst.Attribute) and parent.attr.value == "add" else None
            if isinstance(add, cst.Call) and add.func is parent:
                record(add, call.args[0].value, _key(add))
        elif q in TAG_ASPECTS:
            record(call, cst.Name("self"), _key(call))
        elif q == "aws_cdk.core.Tag.add" and call.args:
            record(call, call.args[0].value, _key(call, 1))
        elif isinstance(func, cst.Attribute) and func.attr.value == "set_tag" and isinstance(func.value, cst.Attribute) \
                and func.value.attr.value == "tags":
            record(call, func.value.value, _key(call))
        tags = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "tags"), None)
        if tags is None:
            continue
        keys = ({literal_value(e.key).lower() if isinstance(literal_value(e.key), str) else SOME_TAGS
                 for e in tags.elements if isinstance(e, cst.DictElement)} | (
                    {SOME_TAGS} if any(isinstance(e, cst.StarredDictElement) for e in tags.elements) else set())
                if isinstance(tags, cst.Dict) else {SOME_TAGS})
        if isinstance(func, cst.Attribute) and func.attr.value == "__init__":  # super().__init__(..., tags=...)
            for key in keys:
                record(call, cst.Name("self"), key)
        elif isinstance(func, cst.Name) and func.value in names:  # MyStack(app, "Id", tags={...})
            out.by_class[names[func.value]] |= keys
    return out


def _inherited(cls: cst.ClassDef, ctx: FileContext, stacks: list[cst.ClassDef], applied: _Applied) -> set[str] | None:
    """The keys a stack class applies, its local base stacks' included; None when a local base
    stack with its own ``__init__`` is there to be tagged instead."""
    keys = set(applied.by_class.get(cls, ()))
    for base in local_bases(cls, ctx.classes):
        if base in stacks:
            if any(f.name.value == "__init__" for f in methods_of(base)):
                return None
            keys |= _inherited(base, ctx, stacks, applied) or set()
    return keys


def _super_init(init: cst.FunctionDef) -> cst.BaseStatement | None:
    """The statement of ``__init__`` that initialises the stack (``super().__init__(...)``)."""
    for stmt in init.body.body if isinstance(init.body, cst.IndentedBlock) else ():
        small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and stmt.body else None
        call = getattr(small, "value", None)
        if isinstance(small, cst.Expr) and isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) \
                and call.func.attr.value == "__init__":
            return stmt
    return None


def _top_statement(ctx: FileContext, node: cst.CSTNode, init: cst.FunctionDef) -> cst.BaseStatement | None:
    """The statement directly in ``init``'s body that contains ``node``."""
    body = init.body.body if isinstance(init.body, cst.IndentedBlock) else ()
    current: cst.CSTNode | None = node
    while current is not None and current not in body:
        current = ctx.parent(current)
    return current  # type: ignore[return-value]


def _after(ctx: FileContext, a: cst.CSTNode, b: cst.CSTNode) -> bool:
    return ctx.position(a)[0] > ctx.position(b)[0]


def _environment_value(ctx: FileContext, init: cst.FunctionDef) -> tuple[str, cst.BaseStatement] | str | None:
    """The stack's environment name as code, with the statement of ``__init__`` after which it is
    bound; a note (str) when the name there may be None; None when the stack has none."""
    body = init.body.body if isinstance(init.body, cst.IndentedBlock) else ()
    if not body:
        return None
    ref = environment_reference(ctx, body[-1])
    if ref is None:
        return None
    anchor = body[0]
    assigned = [a for a in ctx.assignments if a.target == ref and any(p is init for p in ctx.ancestors(a.statement))]
    if "." not in ref or ref.startswith("self."):
        if assigned:
            if any(context_key(a.value) is not None and not isinstance(a.value, cst.BooleanOperation) for a in assigned):
                return (f"the environment name `{ref}` may be None (a context lookup without a default): "
                        "give it one (CDK201) to tag Environment")
            anchor = _top_statement(ctx, assigned[-1].statement, init) or anchor
        elif ref.startswith("self."):
            return None  # assigned in another method: not known to be set when __init__ runs
        else:
            param = next((p for p in init.params.params + init.params.kwonly_params if p.name.value == ref), None)
            if param is not None and param.default is not None and literal_value(param.default) is None:
                return f"the environment name `{ref}` defaults to None: give it a value to tag Environment"
    return ref, anchor


def _context_value(ctx: FileContext, key: str) -> str | None:
    """``self.node.try_get_context("owner")`` for a key ``cdk.json`` sets to a string under the tag's
    name (``owner``, ``Owner``, ``owner_name``, ``projectName``...; any environment key for
    ``Environment``)."""
    want = re.sub(r"[-_\s]", "", key).lower()
    for name in sorted(ctx.app.cdk_json_keys):
        norm = re.sub(r"[-_\s]", "", name).lower()
        matches = norm in (want, want + "name") or (is_environment_key(key) and is_environment_key(name))
        if matches and isinstance(ctx.app.context.get(name), str):
            return f"self.node.try_get_context({json.dumps(name)})"
    return None


def _built_types(ctx: FileContext, cls: cst.ClassDef) -> tuple[set[str], set[str]]:
    """The tag-replacing resource types the stack class builds, and the constructs it builds whose
    resources cannot be seen (classes and functions of other files that receive ``self``)."""
    defined = {n.name.value: n for n in ctx.module.body if isinstance(n, (cst.ClassDef, cst.FunctionDef))}
    types: set[str] = set()
    unseen: set[str] = set()
    seen: set[cst.CSTNode] = set()

    def visit(scope: cst.CSTNode) -> None:
        seen.add(scope)
        for call in ctx.calls:
            if not any(a is scope for a in ctx.ancestors(call)):
                continue
            q = ctx.call_qualname(call)
            if q is not None:
                if q in TAG_REPLACING_CONSTRUCTS or is_construct_class(ctx, q):
                    types.update(replaced_by_new_tags(q))
                elif _passes_self(call) and not _known_module(ctx, q):
                    unseen.add(q.rsplit(".", 1)[-1])  # not aws-cdk-lib's (an alpha module)
                continue
            if not _passes_self(call):
                continue
            name = call.func.value if isinstance(call.func, cst.Name) else None
            if name in defined:
                if defined[name] not in seen:
                    visit(defined[name])
            elif not (isinstance(call.func, cst.Attribute) and isinstance(call.func.value, cst.Name)
                      and call.func.value.value == "self"):
                unseen.add(ctx.module.code_for_node(call.func))

    visit(cls)
    return types, unseen


#: alpha modules (outside aws-cdk-lib) whose constructs build only Lambda functions and their roles
QUIET_ALPHA_MODULES = ("aws_cdk.aws_lambda_python_alpha", "aws_cdk.aws_lambda_go_alpha")


def _known_module(ctx: FileContext, qualname: str) -> bool:
    """``qualname`` is in aws-cdk-lib (or constructs), or in an alpha module known to build no
    resource a tag replaces."""
    parts = qualname.split(".")
    modules = {".".join(parts[:i]) for i in range(1, len(parts))}
    return bool(modules & set(QUIET_ALPHA_MODULES)) or any(ctx.api.module_exists(m) for m in modules - {"aws_cdk"}) \
        or (len(parts) >= 2 and ctx.api.has_type(".".join(parts[:2])))


def _passes_self(call: cst.Call) -> bool:
    return any(isinstance(a.value, cst.Name) and a.value.value == "self" for a in call.args)
