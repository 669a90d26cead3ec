from __future__ import annotations

import json
import re
import weakref
from typing import Iterator

import libcst as cst

from remediator.analysis.cdk_facts import (
    RETAIN_TYPES,
    SNAPSHOT_TYPES,
    UNIQUE_NAMES,
    NameLimits,
    environment_name,
    names_environment,
    physical_name,
)
from remediator.analysis.context import ConstructCall, FileContext
from remediator.analysis.rule import Edit, Finding, Rule, Tier

#: values formatted into a name that say nothing about the environment, with their longest value
#: (an account id, the longest region, partition and URL suffix)
_NEUTRAL = {"account": 12, "ACCOUNT_ID": 12, "region": 14, "REGION": 14, "partition": 10, "PARTITION": 10,
            "url_suffix": 16, "URL_SUFFIX": 16}
_STRINGS = (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)


class EnvironmentSuffixedNames(Rule):
    """
    ## What it does
    Finds fixed physical names without the environment in them (`bucket_name="uploads"`,
    `table_name=`, `function_name=`, `role_name=`, `secret_name=`, `queue_name=`,
    `log_group_name=`... on L2 and L1 constructs) and appends the stack's environment name:
    `f"uploads-{env_name}"`. The environment name is the code's own (a `try_get_context("env")`
    local, a `stage` / `env_name` / `environment_suffix` parameter or local, `self.stage`,
    `props.environment_suffix`); when there is none, one is added at the top of the method,
    `environment_suffix = self.node.try_get_context("environmentSuffix") or "dev"`. Literal names
    become f-strings; f-strings get the suffix at their end (before `.fifo`); a name held in a
    local variable is suffixed where the variable is set. Only resource types whose names must be
    unique in the account (S3: in every account) are checked: tags such as `vpc_name`, DNS records
    and names AWS does not require to be unique are not.

    ## Why is this bad?
    A fixed name lets the stack exist once per account: deploying a second environment (dev
    beside staging, a developer's copy) fails with "already exists", and S3 bucket names collide
    with every other AWS account.

    ## Example
    ```python
    s3.Bucket(self, "Uploads", bucket_name="acme-uploads")
    ```
    Use instead:
    ```python
    environment_suffix = self.node.try_get_context("environmentSuffix") or "dev"
    s3.Bucket(self, "Uploads", bucket_name=f"acme-uploads-{environment_suffix}")
    ```

    ## Fix safety
    **Unsafe**: a physical name is create-only, so CloudFormation replaces a renamed resource on
    the next deploy (verified): a new, empty bucket or table is created and the old one, with its
    data, stays behind or is deleted. The finding says so. Reported, not changed: names that
    already name an environment (`orders-prod`) or a stack (`{self.stack_name}`) are no finding;
    a name formatted from other values (`f"{prefix}-data"`) is left alone; the name also written
    elsewhere in the file (an ARN in a policy, an environment variable, a log group named after
    a function) is reported, since the references would go stale; a module-level constant, a
    name the suffix could push over the type's length limit, an S3 name with dots (a website or
    domain name), a lookup without a default (`None` would be formatted in: CDK201 gives it one),
    and code with no method to add the environment name to are reported too.

    ## Options
    `context-key` (default `"environmentSuffix"`): the context key of an added environment name
    (a key the app's `cdk.json` sets for the environment wins); its default is the
    `environment-default` setting (`"dev"`). `suffix-length` (default 10, as in `production`):
    the longest environment name to allow for in length checks.
    """

    code, name, tier = "CDK202", "environment-suffixed-names", Tier.UNSAFE
    summary = "Fixed physical names need the environment name in them"
    targets = tuple(sorted(UNIQUE_NAMES))
    triggers = ("name", "identifier")
    options = {"context-key": "environmentSuffix", "suffix-length": 10}
    changelog = "Suffix {count} fixed resource {noun} with the environment name (each renamed resource is replaced)"
    noun = ("name", "names")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        named = physical_name(call)
        if named is None:
            return
        keyword, value = named
        ctx, arg = call.ctx, call.arg(keyword)
        assert arg is not None
        found = _hard_coded(ctx, value, call.node)
        if found is None:
            return
        string, where = found
        text = _text(ctx, string)
        if text is None or names_environment(text[0]):
            return
        kind = call.class_name.removeprefix("Cfn")
        cid = f" {call.construct_id!r}" if call.construct_id else ""
        shown = ctx.module.code_for_node(string)
        head = f"{kind}{cid} has a fixed name ({shown}{where}) without its environment: a second environment " \
               f"in this account fails (\"already exists\")"
        problem = self._problem(ctx, call, string, text, arg, where)
        if problem is not None:
            yield self.finding(arg, f"{head}; {problem}", tier=Tier.REPORT)
            return
        default = str(ctx.settings.get("environment-default", "dev"))
        env = environment_name(ctx, string, self.settings["context-key"], default)
        if env is None:
            yield self.finding(arg, f"{head}; no environment name here to suffix it with: take one as a parameter "
                                    "or read it from context in the stack", tier=Tier.REPORT)
            return
        if env.missing_default is not None:
            yield self.finding(arg, f"{head}; `{env.code}` is read from context without a default, so the suffix "
                                    f"would be `None` when \"{env.missing_default}\" is not set: give it a default "
                                    "first (CDK201)", tier=Tier.REPORT)
            return
        limits = UNIQUE_NAMES[call.qualname]
        bad = [v for v in env.values if limits.lower_case and not re.fullmatch(r"[a-z0-9-]*", v)]
        if bad:
            yield self.finding(arg, f"{head}; the environment name can be {bad[0]!r} (`{env.code}`), which is not a "
                                    f"valid part of a {kind} name (lower case, digits and hyphens)", tier=Tier.REPORT)
            return
        separator = "_" if "_" in text[0] and "-" not in text[0] and limits.underscore else "-"
        if _code_inside(ctx, string)[-1:] in ("-", "_", "/"):
            separator = ""  # "orders-" already ends with one
        new = _suffixed(string, separator, cst.parse_expression(env.code))
        if new is None:
            return
        # on the call when the name is written there: an edited call too long for its line is laid out again
        rename = Edit.set_keyword(call.node, keyword, new) if string is value else Edit.replace_with(string, new)
        edits = [rename] + ([env.edit] if env.edit is not None else [])
        stateful = call.qualname in RETAIN_TYPES | SNAPSHOT_TYPES
        lost = (f"a new, empty {kind} is created and the old one stays behind with its data (or is deleted)"
                if stateful else f"a new {kind} is created and the old one deleted")
        yield self.finding(arg, f"{head}: suffix it, {ctx.module.code_for_node(new)}; unsafe: the name is "
                                f"create-only, so the next deploy replaces the {kind}: {lost}", fix=edits)

    def _problem(self, ctx: FileContext, call: ConstructCall, string: cst.BaseExpression, text: tuple[str, int],
                 arg: cst.Arg, where: str) -> str | None:
        """Why the name must be reported rather than suffixed, or None."""
        limits: NameLimits = UNIQUE_NAMES[call.qualname]
        if where.startswith(" from module-level"):
            return "not changed: other modules may import the constant; add the suffix where it is defined"
        if limits.lower_case and not limits.underscore and "." in text[0]:
            return "not changed: a bucket named like a domain must keep that exact name (website hosting, CNAME)"
        longest = text[1] + 1 + int(self.settings["suffix-length"])
        if longest > limits.max_length:
            return (f"not changed: with the suffix the name could reach {longest} characters, over the "
                    f"{limits.max_length} a {call.class_name.removeprefix('Cfn')} name allows; shorten it and add "
                    "the environment")
        other = _written_elsewhere(ctx, string)
        if other is not None:
            node, excerpt = other
            return (f"not changed: the name also appears at line {ctx.position(node)[0]} ({excerpt}); if that "
                    "refers to this resource it would go stale: suffix both together")
        return None


def _hard_coded(ctx: FileContext, value: cst.BaseExpression, at: cst.CSTNode
                ) -> tuple[cst.BaseExpression, str] | None:
    """The string that gives the name (the value itself, or the string a local variable or a
    module constant is bound to), and how it got there (`` from `name` ``); None when the name
    is computed."""
    if isinstance(value, _STRINGS):
        return value, ""
    if not isinstance(value, cst.Name) or ctx.scopes.rebound_at(value):
        return None
    values = ctx.assigned_values(value, at)
    where = f" from `{value.value}`"
    if not values and ctx.scope_of(at) is not ctx.module:
        values = [b.value for b in ctx.assignments if b.target == value.value and b.scope is ctx.module]
        where = f" from module-level `{value.value}`"
    if len(values) != 1 or not isinstance(values[0], _STRINGS):
        return None
    return values[0], where


def _text(ctx: FileContext, node: cst.BaseExpression) -> tuple[str, int] | None:
    """The literal words of a name (formatted values left out) and its longest length; None when
    it formats a value that may already differ per environment or stack."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return (value, len(value)) if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        left, right = _text(ctx, node.left), _text(ctx, node.right)  # type: ignore[arg-type]
        return None if left is None or right is None else (left[0] + right[0], left[1] + right[1])
    assert isinstance(node, cst.FormattedString)
    words, length = [], 0
    for part in node.parts:
        if isinstance(part, cst.FormattedStringText):
            words.append(part.value)
            length += len(part.value)
            continue
        expr = part.expression  # type: ignore[union-attr]
        last = expr.attr.value if isinstance(expr, cst.Attribute) else None
        if last not in _NEUTRAL or part.format_spec:  # type: ignore[union-attr] # a stack name, a prefix...
            return None
        length += _NEUTRAL[last]
    return "".join(words), length


def _suffixed(node: cst.BaseExpression, separator: str, env: cst.BaseExpression) -> cst.BaseExpression | None:
    """The name with ``<separator>{env}`` at its end (before a ``.fifo`` ending), as an f-string."""
    if isinstance(node, cst.ConcatenatedString):
        right = _suffixed(node.right, separator, env)  # type: ignore[arg-type]
        return None if right is None else node.with_changes(right=right)
    if isinstance(node, cst.SimpleString):
        prefix = node.prefix.lower().replace("u", "")
        if "b" in prefix:
            return None
        raw = node.raw_value.replace("{", "{{").replace("}", "}}")
        node = cst.FormattedString(parts=[cst.FormattedStringText(raw)], start=f"{prefix}f{node.quote}",
                                   end=node.quote, lpar=node.lpar, rpar=node.rpar)
    assert isinstance(node, cst.FormattedString)
    parts = list(node.parts)
    tail: list[cst.BaseFormattedStringContent] = []
    if parts and isinstance(parts[-1], cst.FormattedStringText) and parts[-1].value.endswith(".fifo"):
        kept = parts.pop().value[: -len(".fifo")]
        parts += [cst.FormattedStringText(kept)] if kept else []
        tail = [cst.FormattedStringText(".fifo")]
    suffix = [cst.FormattedStringText(separator), cst.FormattedStringExpression(env)]
    return node.with_changes(parts=[*parts, *suffix, *tail])


_SEARCHABLE: "weakref.WeakKeyDictionary[FileContext, tuple[list[tuple[cst.CSTNode, str]], set[int]]]" = \
    weakref.WeakKeyDictionary()


def _written_elsewhere(ctx: FileContext, string: cst.BaseExpression) -> tuple[cst.CSTNode, str] | None:
    """Another string of the file that holds this name (``arn:aws:s3:::<name>/*``, an environment
    variable's value), or a physical name of the file that this one holds (a log group named after
    a function), with an excerpt; construct ids, dict keys and docstrings do not count."""
    mine = _code_inside(ctx, string)
    if len(mine) < 3:
        return None
    strings, names = _strings(ctx)
    for node, text in strings:
        if node is string or any(a is string for a in ctx.ancestors(node)) or any(a is node for a in ctx.ancestors(string)):
            continue
        found = _holds(text, mine) or (id(node) in names and len(text) >= 3 and _holds(mine, text) and text)
        if found:
            return node, json.dumps(found if len(found) <= 60 else found[:57] + "...")
    return None


def _holds(text: str, name: str) -> str | None:
    """The line of ``text`` where ``name`` stands as a whole word (``-`` and ``_`` joining words)."""
    m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    return None if m is None else text[text.rfind("\n", 0, m.start()) + 1:].split("\n", 1)[0].strip()


def _strings(ctx: FileContext) -> tuple[list[tuple[cst.CSTNode, str]], set[int]]:
    """Every string of the file (an f-string as its code between the quotes), less docstrings and
    construct ids; and the ids of those that are physical names."""
    found = _SEARCHABLE.get(ctx)
    if found is not None:
        return found
    strings: list[tuple[cst.CSTNode, str]] = []
    ids = {id(a.value) for call in ctx.calls for i, a in enumerate(x for x in call.args if x.keyword is None)
           if i == 1}

    class Strings(cst.CSTVisitor):
        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            parent = ctx.parent(node)
            if id(node) not in ids and not isinstance(parent, cst.Expr) and not (
                    isinstance(parent, cst.DictElement) and parent.key is node):
                strings.append((node, _code_inside(ctx, node)))

        def visit_FormattedString(self, node: cst.FormattedString) -> bool:
            strings.append((node, _code_inside(ctx, node)))
            return False

    ctx.module.visit(Strings())
    names = set()
    for call in ctx.calls_of(sorted(UNIQUE_NAMES)):
        named = physical_name(call)
        resolved = _hard_coded(ctx, named[1], call.node) if named is not None else None
        if resolved is not None:
            names.add(id(resolved[0]))
    _SEARCHABLE[ctx] = (strings, names)
    return strings, names


def _code_inside(ctx: FileContext, node: cst.BaseExpression) -> str:
    """A string's text, an f-string's code between its quotes, a concatenation's pieces joined."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else ""
    if isinstance(node, cst.ConcatenatedString):
        return _code_inside(ctx, node.left) + _code_inside(ctx, node.right)  # type: ignore[arg-type]
    if isinstance(node, cst.FormattedString):
        return "".join(ctx.module.code_for_node(p) for p in node.parts)
    return ""
