"""What a rule is: its identity, its safety tier, and the findings and edits it returns.

A rule is a small class in ``transforms/`` (installed as ``remediator.transforms``). It declares
the fully qualified names of the constructs it targets; the engine hands it one
:class:`~remediator.analysis.context.ConstructCall` per matching call, already resolved through the
import map, and the rule yields :class:`Finding` objects, each optionally carrying a
:class:`~remediator.analysis.edits.Fix`. Rules
that look at a whole file (imports, indentation, classes) override :meth:`Rule.check_module`.
Rules never touch files, diffs, git or the command line.
"""

from __future__ import annotations

import enum
import inspect
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Iterator, Sequence

import libcst as cst

from remediator.analysis.edits import Edit, Fix, TextEdit

if TYPE_CHECKING:
    from remediator.analysis.context import ConstructCall, FileContext

__all__ = ["Diagnostic", "Edit", "Finding", "Fix", "Rule", "Tier"]


class Tier(str, enum.Enum):
    """How far a rule's fix may be trusted (the same three tiers as ruff)."""

    SAFE = "safe"  #: applied by ``fix``
    UNSAFE = "unsafe"  #: applied only with ``--unsafe-fixes``: may replace, orphan or delete a resource
    REPORT = "report"  #: never fixed automatically; the finding carries guidance

    def __str__(self) -> str:  # pragma: no cover - cosmetic
        return self.value


@dataclass(eq=False)
class Finding:
    """A problem a rule found in the current tree (in-process only; holds tree nodes)."""

    rule: "Rule"
    node: cst.CSTNode
    message: str
    fix: Fix | None = None
    #: when the fix does something the rule's changelog line does not say (removes code that has
    #: no equivalent), its own changelog bullet: ``Remove `enable_dns_logging=True` from `Vpc```
    note: str = ""

    @property
    def tier(self) -> Tier:
        if self.fix is not None and self.fix.tier is not None:
            return self.fix.tier
        return self.rule.tier


class Rule:
    """Base class of every rule. Subclasses set the class attributes and override ``check``.

    The class docstring is the rule's documentation, in ruff's four sections:
    ``## What it does``, ``## Why is this bad?``, ``## Example`` and ``## Fix safety``.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    tier: ClassVar[Tier]
    #: when the tier depends on the case: ``"when unique"`` (else reported), ``"/ unsafe with a
    #: physical name"``... shown after the tier by ``remediator rules`` and in the README
    tier_note: ClassVar[str] = ""
    summary: ClassVar[str]
    #: fully qualified names of the callables whose calls ``check`` receives
    targets: ClassVar[tuple[str, ...]] = ()
    #: words that must occur in a file's text for the rule to run at all (a cheap prefilter);
    #: ``None`` derives them from ``targets`` (their last components); ``()`` means always run
    triggers: ClassVar[tuple[str, ...] | None] = None
    #: rules that teams may legitimately not want (e.g. conflicting with checkov) are opt-in
    default_enabled: ClassVar[bool] = True
    #: the rule rewrites aws-cdk-lib names: each fix is applied only when the calls it produces
    #: match the API's signatures (remediator.analysis.api_check)
    checks_api: ClassVar[bool] = False
    #: per-rule options settable under ``[tool.remediator.rules.CODE]``, with their defaults
    options: ClassVar[dict[str, Any]] = {}
    #: changelog bullet, formatted with ``count`` and ``noun`` (singular or plural by count)
    changelog: ClassVar[str] = "Fix {count} {noun}"
    noun: ClassVar[tuple[str, str]] = ("finding", "findings")

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        merged = dict(type(self).options)
        merged.update(options or {})
        self.settings = merged

    # -- what subclasses override -------------------------------------------------------------
    def check(self, call: "ConstructCall") -> Iterator[Finding]:
        """Findings for one call of a target construct."""
        return iter(())

    def check_module(self, ctx: "FileContext") -> Iterator[Finding]:
        """Findings that need the whole file (called once per pass, after ``check``)."""
        return iter(())

    # -- helpers ------------------------------------------------------------------------------
    def finding(self, at: "ConstructCall | cst.CSTNode", message: str, fix: Fix | Edit | Sequence[Edit] | None = None,
                *, tier: Tier | None = None, note: str = "") -> Finding:
        node = at if isinstance(at, cst.CSTNode) else at.node
        if isinstance(fix, Edit):
            fix = Fix([fix])
        elif fix is not None and not isinstance(fix, Fix):
            fix = Fix(list(fix))
        if fix is not None and tier is not None:
            fix.tier = tier
        return Finding(self, node, message, fix, note)

    @classmethod
    def tier_label(cls) -> str:
        """The tier as documented: ``safe``, ``safe when unique``, ``report``..."""
        return f"{cls.tier.value} {cls.tier_note}".strip()

    @classmethod
    def trigger_words(cls) -> tuple[str, ...]:
        if cls.triggers is not None:
            return cls.triggers
        return tuple(sorted({t.rsplit(".", 1)[-1] for t in cls.targets}))

    @classmethod
    def documentation(cls) -> str:
        return textwrap.dedent(inspect.getdoc(cls) or "").strip()

    @classmethod
    def changelog_line(cls, count: int) -> str:
        noun = cls.noun[0] if count == 1 else cls.noun[1]
        return cls.changelog.format(count=count, noun=noun)

    @classmethod
    def is_security(cls) -> bool:
        return cls.code.startswith("CDK3")


@dataclass
class Diagnostic:
    """A finding as reported to users: plain data, picklable across worker processes."""

    code: str
    name: str
    path: str
    line: int
    column: int
    message: str
    tier: str
    fixable: bool
    #: ``fixable`` at a higher tier than the one in force (e.g. needs ``--unsafe-fixes``)
    fix_available: bool = False
    #: where the flagged node ends (1-based; the column just after it); 0 when not known
    end_line: int = 0
    end_column: int = 0
    #: the fix as replacements in the file's text at the time of the finding, when the run asked
    #: for them (``RunOptions.fix_edits``: machine formats, the language server) and there is one
    edits: list[TextEdit] | None = None
    #: the finding's own changelog bullet, when its fix needs one (see ``Finding.note``)
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line or self.line,
            "end_column": self.end_column or self.column,
            "message": self.message,
            "fixable": self.fixable,
            "tier": self.tier,
            "fix": None if self.edits is None else {
                "applicability": self.tier, "edits": [e.to_json() for e in self.edits]},
        }
