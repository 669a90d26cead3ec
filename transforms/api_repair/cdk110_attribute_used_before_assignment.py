from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

import libcst as cst

from remediator.analysis.cdk_facts import CONSTRUCT_BASES
from remediator.analysis.context import FileContext
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier
from remediator.analysis.self_attributes import (
    NODE_PURE,
    STACK_PURE_METHODS,
    ClassModel,
    Effects,
    InitFlow,
    Read,
    analyse_init,
    class_models,
)


@dataclass
class _Problem:
    attr: str
    reader: int  #: index of the reading statement in __init__
    assigner: int  #: index of the first later statement that assigns
    read: Read
    blocker: str | None = None  #: why the assignment cannot be moved (None: it can)


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
    class StorageStack(Stack):
        def __init__(self, scope, construct_id, **kwargs):
            super().__init__(scope, construct_id, **kwargs)
            self.logs_bucket = self._create_bucket("logs", is_log_bucket=True)
            self.data_bucket = self._create_bucket("data")

        def _create_bucket(self, name, is_log_bucket=False):
            if is_log_bucket:
                return s3.Bucket(self, "LogsBucket")
            return s3.Bucket(self, f"{name}Bucket", server_access_logs_bucket=self.logs_bucket)
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
    `__init__` called in between, keeps the order (it may number what it creates). Construct ids
    and logical ids do not depend on the order constructs are created in, so the template keeps the
    same resources with the same properties, with one visible difference: two aws-cdk-lib calls that
    add statements to one policy document (`role.add_to_policy(...)`, `bucket.grant_read(role)`)
    may swap, and the statements of that policy then appear in the other order. IAM evaluates a
    policy's statements as a set, so permissions do not change; only the template diff shows it.
    Otherwise the finding names the read, the assignment and why it was not moved:
    a cycle (the assignment needs something the reader assigns, or reads its own target), control
    flow, `getattr`/`setattr` with computed names, or `self` handed to code that cannot be
    followed.
    """

    code, name, tier = "CDK110", "attribute-used-before-assignment", Tier.SAFE
    tier_note = "when proven"
    summary = "A stack attribute is read before __init__ assigns it"
    triggers = ("self",)
    changelog = "Assign {count} {noun} before first use"
    noun = ("stack attribute", "stack attributes")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        for model in class_models(ctx).values():
            flow = analyse_init(ctx, model)
            if flow is not None:
                yield from self._check_init(ctx, flow)

    def _check_init(self, ctx: FileContext, flow: InitFlow) -> Iterator[Finding]:
        stmts, effects = flow.statements, flow.effects
        known = flow.model.known
        problems: list[_Problem] = []
        assigned: set[str] = set()
        dynamic = False
        for i, fx in enumerate(effects):
            for attr, read in fx.exposed.items():
                if attr in assigned or attr in known or dynamic or _inherited(ctx, flow.model, attr):
                    continue
                j = next((k for k in range(i, len(stmts)) if attr in effects[k].assigns), None)
                if j is not None:
                    problems.append(_Problem(attr, i, j, read))
            assigned |= fx.assigns
            dynamic = dynamic or bool(fx.dynamic)

        taken: list[tuple[int, int]] = []
        for p in problems:
            p.blocker = _blocker(_Candidate(ctx, flow, p, problems))
            fix = None
            if p.blocker is None and not any(not (p.assigner < a or b < p.reader) for a, b in taken):
                # (a move overlapping another move of this pass is re-evaluated after it)
                taken.append((p.reader, p.assigner))
                assert isinstance(flow.init.body, cst.IndentedBlock)
                fix = self._move(flow.init.body, stmts[p.assigner], stmts[p.reader])
            yield self._finding(ctx, stmts, p, fix)

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



def _inherited(ctx: FileContext, model: ClassModel, attr: str) -> bool:
    """``self.<attr>`` is a property or method of the CDK base class (``node``, ``region``...)."""
    return any(ctx.api.has_attribute(base.replace("aws_cdk.core.", "aws_cdk."), attr) for base in model.cdk_bases)


# -- why an assignment may not move up: checks in order, the first reason found is reported ----------


@dataclass
class _Candidate:
    """Moving statement ``assigner`` up to just before statement ``reader`` of ``__init__``."""

    ctx: FileContext
    flow: InitFlow
    problem: _Problem
    problems: list[_Problem]

    @property
    def moved(self) -> Effects:
        return self.flow.effects[self.problem.assigner]

    def line(self, k: int) -> int:
        return self.ctx.position(self.flow.statements[k])[0]

    @property
    def needs(self) -> set[str]:
        """Attributes the moved statement reads."""
        return self.moved.reads | set(self.moved.exposed)


def _kind(stmt: cst.CSTNode) -> str:
    return {cst.If: "an `if` block", cst.For: "a `for` loop", cst.While: "a `while` loop", cst.Try: "a `try` block",
            cst.With: "a `with` block", cst.FunctionDef: "a `def`", cst.ClassDef: "a `class`"}.get(
        type(stmt), f"a `{type(stmt).__name__}` statement")


def _simple_statement(c: _Candidate) -> str | None:
    moved = c.flow.statements[c.problem.assigner]
    if not isinstance(moved, cst.SimpleStatementLine):
        return (f"it is assigned inside {_kind(moved)} at line {c.line(c.problem.assigner)} "
                "(never reordered across control flow)")
    return None


def _reads_its_target(c: _Candidate) -> str | None:
    r = c.moved.exposed.get(c.problem.attr)
    if r is None:
        return None
    via = f" through {' → '.join(f'`{v}`' for v in r.via)}" if r.via else ""
    return f"the assignment at line {c.line(c.problem.assigner)} itself reads `self.{c.problem.attr}`{via} (a cycle)"


def _moved_can_be_followed(c: _Candidate) -> str | None:
    at = f"the assignment at line {c.line(c.problem.assigner)}"
    if c.moved.dynamic:
        return f"{at} uses {c.moved.dynamic[0]} (attributes reached by computed names)"
    if c.moved.opaque:
        return f"{at} {c.moved.opaque[0]}"
    if c.moved.stack_effects:
        return f"{at} {c.moved.stack_effects[0]}"
    return None


#: checks on the moved statement itself
MOVED_CHECKS: list[Callable[[_Candidate], str | None]] = [_simple_statement, _reads_its_target, _moved_can_be_followed]


def _no_control_flow(c: _Candidate, k: int, t: Effects) -> str | None:
    stmt = c.flow.statements[k]
    if not isinstance(stmt, cst.SimpleStatementLine):
        return f"{_kind(stmt)} at line {c.line(k)} stands between them (never reordered across control flow)"
    if t.terminates:
        return f"line {c.line(k)} returns or raises before the assignment runs"
    return None


def _can_be_followed(c: _Candidate, k: int, t: Effects) -> str | None:
    if t.stack_effects:
        return f"line {c.line(k)} {t.stack_effects[0]}, which the assignment could depend on"
    if t.dynamic:
        return f"line {c.line(k)} uses {t.dynamic[0]} (attributes reached by computed names)"
    if t.opaque:
        return f"line {c.line(k)} {t.opaque[0]}"
    return None


def _attributes_keep_their_values(c: _Candidate, k: int, t: Effects) -> str | None:
    needed = c.needs & t.assigns
    if needed:
        return f"the assignment needs `self.{sorted(needed)[0]}`, which line {c.line(k)} assigns (a cycle)"
    attr = c.problem.attr
    if attr in t.reads - set(t.exposed):
        return (f"line {c.line(k)} checks whether `self.{attr}` exists yet (or reads it in code that runs "
                "later), which moving the assignment would change")
    # a guarded read (hasattr, getattr with a default, try) would see a different answer; attributes
    # that are read too early anyway can only gain from moving
    broken = {q.attr for q in c.problems if c.problem.reader <= q.reader < c.problem.assigner}
    clash = (c.moved.assigns - {attr}) & (t.assigns | ((t.reads | set(t.exposed)) - (broken & set(t.exposed))))
    if clash:
        return f"it also assigns `self.{sorted(clash)[0]}`, which line {c.line(k)} uses"
    changed = c.needs & t.mutates
    if changed:
        return f"line {c.line(k)} changes `self.{sorted(changed)[0]}`, which the assignment uses"
    return None


def _calls_keep_their_order(c: _Candidate, k: int, t: Effects) -> str | None:
    calls = c.moved.foreign_calls & t.foreign_calls
    if calls:
        return (f"it and line {c.line(k)} both call `{sorted(calls)[0]}`, which cannot be followed "
                "(it may number what it creates)")
    return None


def _names_keep_their_values(c: _Candidate, k: int, t: Effects) -> str | None:
    m = c.moved
    for names, text in (
        (m.names_read & t.names_bound, "the assignment needs `{}`, which line {} assigns"),
        (m.names_read & t.names_mutated, "line {1} changes `{0}`, which the assignment uses"),
        (m.names_bound & (t.names_read | t.names_bound), "it also binds `{}`, which line {} uses"),
        (m.names_mutated & (t.names_read | t.names_bound), "it changes `{}`, which line {} uses"),
    ):
        if names:
            return text.format(sorted(names)[0], c.line(k))
    attrs = m.mutates & (t.reads | set(t.exposed) | t.mutates)
    if attrs:
        return f"it changes `self.{sorted(attrs)[0]}`, which line {c.line(k)} uses"
    return None


#: checks on each statement the assignment would move across, in this order
BETWEEN_CHECKS: list[Callable[[_Candidate, int, Effects], str | None]] = [
    _no_control_flow, _can_be_followed, _attributes_keep_their_values, _calls_keep_their_order,
    _names_keep_their_values,
]


def _blocker(c: _Candidate) -> str | None:
    """Why the assignment may not move up before its reader, or None when the move is proven safe."""
    if c.problem.reader == c.problem.assigner:
        return "cycle"
    for check in MOVED_CHECKS:
        reason = check(c)
        if reason:
            return reason
    for k in range(c.problem.reader, c.problem.assigner):
        for between in BETWEEN_CHECKS:
            reason = between(c, k, c.flow.effects[k])
            if reason:
                return reason
    return None


def suggested_names() -> list[str]:
    """aws-cdk-lib names this rule relies on (checked against the API index by tests/test_api_names.py).

    The ``aws_cdk.core.*`` and ``aws_cdk.aws_cloudformation`` bases are CDK v1 spellings, matched on
    purpose and absent from v2, so they are not listed."""
    names = sorted(b for b in CONSTRUCT_BASES if not b.startswith(("aws_cdk.core.", "aws_cdk.aws_cloudformation.")))
    names += [f"constructs.Node.{m}" for m in sorted(NODE_PURE)]
    names += [f"aws_cdk.Stack.{m}" for m in sorted(STACK_PURE_METHODS)]
    return names
