"""The per-file engine: parse once, run the rules, apply their edits, repeat to a fixpoint.

``process_source`` never raises for a problem with the file or a rule: like libcst's
``transform_module`` it returns a result that says success, skip or failure, so one bad file never
ends a run. A file is rewritten only if every pass produced code that parses and compiles; when
anything failed, the result carries the original bytes unchanged and the error.
"""

from __future__ import annotations

import re
import traceback
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import libcst as cst

from remediator.analysis import edits as E
from remediator.source.config import default_settings
from remediator.analysis.context import FileContext
from remediator.analysis.rule import Diagnostic, Edit, Finding, Fix, Rule, Tier

MAX_PASSES = 10
#: files larger than this are not analysed (libcst needs minutes for several MB); a file that does
#: not mention aws_cdk is skipped silently, any other gets a one-line error
MAX_FILE_BYTES = 1_000_000

_SUPPRESS = re.compile(r"#\s*remediator:\s*ignore(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE)
_SKIP_FILE = re.compile(r"#\s*remediator:\s*skip-file\b", re.IGNORECASE)
_CDK_IMPORT = re.compile(r"^\s*(?:from\s+aws_cdk[\s.]|import\s+aws_cdk\b|import\s+.*\baws_cdk\b)", re.MULTILINE)


@dataclass
class RunOptions:
    """What the engine needs to know about a run (resolved from CLI and configuration)."""

    fix: bool = False
    unsafe_fixes: bool = False
    #: per-file settings visible to rules as ``ctx.settings`` (e.g. ``environment-default``);
    #: the defaults are those of a run without configuration
    settings: dict[str, Any] = field(default_factory=default_settings)
    project_root: str | None = None


@dataclass
class FileResult:
    path: str  #: as displayed (relative to the repository root when inside it)
    original: bytes | None = None
    fixed: bytes | None = None  #: new content, only when it differs from ``original``
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: one diagnostic per fix applied (its line is in the text of the pass that applied it)
    applied: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: str | None = None  #: reason the file was not analysed (no aws_cdk import, skip-file)

    @property
    def fixed_counts(self) -> dict[str, int]:
        """Fixes applied per rule code."""
        counts: dict[str, int] = {}
        for d in self.applied:
            counts[d.code] = counts.get(d.code, 0) + 1
        return counts

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.original

    @property
    def failed(self) -> bool:
        return bool(self.errors)


class FixError(Exception):
    """Anything that makes a file's fix unusable (invalid code, no convergence, rule crash)."""


def imports_aws_cdk(text: str) -> bool:
    return _CDK_IMPORT.search(text) is not None


# --------------------------------------------------------------------------------------------
# Running rules


def _suppressions(lines: Sequence[str]) -> dict[int, set[str] | None]:
    """line number -> suppressed codes (None: all) for every ``# remediator: ignore`` comment.

    A comment alone on its line applies to the next line as well.
    """
    out: dict[int, set[str] | None] = {}
    for i, line in enumerate(lines, start=1):
        if "remediator" not in line:
            continue
        m = _SUPPRESS.search(line)
        if m is None or "#" not in line[: m.start() + 1]:
            continue
        codes = None if m.group("codes") is None else {c.strip().upper() for c in m.group("codes").split(",") if c.strip()}
        targets = [i]
        if line.strip().startswith("#"):
            targets.append(i + 1)
        for t in targets:
            prev = out.get(t, set())
            out[t] = None if codes is None or prev is None else prev | codes
    return out


def _is_suppressed(finding: Finding, ctx: FileContext, table: dict[int, set[str] | None]) -> bool:
    if not table:
        return False
    line, _ = ctx.position(finding.node)
    for ln in {line, ctx.end_line(finding.node)}:
        if ln in table:
            codes = table[ln]
            if codes is None or finding.rule.code in codes or finding.rule.name.upper() in codes:
                return True
    return False


def unused_suppressions(ctx: FileContext, findings: Sequence[Finding], rules: Sequence[Rule]) -> list[str]:
    """``line N: unused suppression ...`` for each code in a ``# remediator: ignore[...]`` comment that
    names a rule of this run but suppressed none of ``findings`` (all findings, before suppression).

    Codes of rules that did not run (not selected) are not reported, nor are bare ``ignore``
    comments, which may be meant for rules outside the selection.
    """
    ran = {r.code: r.code for r in rules} | {r.name.upper(): r.code for r in rules}
    hit: dict[str, set[int]] = defaultdict(set)
    for f in findings:
        line, _ = ctx.position(f.node)
        hit[f.rule.code].update({line, ctx.end_line(f.node)})
    out: list[str] = []
    for i, line in enumerate(ctx.source.splitlines(), start=1):
        if "remediator" not in line:
            continue
        m = _SUPPRESS.search(line)
        if m is None or m.group("codes") is None:
            continue
        targets = {i, i + 1} if line.strip().startswith("#") else {i}
        unused = [c.strip() for c in m.group("codes").split(",")
                  if c.strip().upper() in ran and not hit[ran[c.strip().upper()]] & targets]
        if unused:
            out.append(f"line {i}: unused suppression `# remediator: ignore[{', '.join(unused)}]` "
                       "(no such finding on this line)")
    return out


def analyze(ctx: FileContext, rules: Sequence[Rule]) -> list[Finding]:
    """Every finding of ``rules`` on the current tree, suppressions not yet applied."""
    text = ctx.source
    by_qualname: dict[str, list[cst.Call]] | None = None
    findings: list[Finding] = []
    for rule in rules:
        words = rule.trigger_words()
        if words and not any(w in text for w in words):
            continue
        if rule.targets:
            if by_qualname is None:
                by_qualname = defaultdict(list)
                for call in ctx.calls:
                    q = ctx.call_qualname(call)
                    if q is not None:
                        by_qualname[q].append(call)
            from remediator.analysis.context import ConstructCall

            for target in rule.targets:
                for call in by_qualname.get(target, ()):
                    findings.extend(rule.check(ConstructCall(ctx, call, target)))
        findings.extend(rule.check_module(ctx))
    return findings


def _applies(finding: Finding, unsafe_fixes: bool) -> bool:
    if finding.fix is None or not finding.fix.edits:
        return False
    tier = finding.tier
    return tier is Tier.SAFE or (tier is Tier.UNSAFE and unsafe_fixes)


# --------------------------------------------------------------------------------------------
# Applying edits


class _Applier(cst.CSTTransformer):
    """Applies edits by node identity; edits on the same node, or nested ones, compose."""

    def __init__(self, edits: Iterable[Edit], line_length: int | None = None, indent: str = "    ") -> None:
        super().__init__()
        self.by_target: dict[int, list[Edit]] = defaultdict(list)
        for edit in edits:
            self.by_target[id(edit.target)].append(edit)
        self.applied: set[int] = set()
        self.line_length = line_length
        self.indent = indent
        self._blocks: list[str] = []  # indentation of the enclosing blocks
        # calls changed by an edit in this pass (new nodes), kept alive so that no other node can
        # get the same id() once an intermediate call is dropped
        self._edited_calls: dict[int, cst.Call] = {}

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> bool:
        self._blocks.append(node.indent if node.indent is not None else self.indent)
        return True

    def on_leave(self, original_node: cst.CSTNode, updated_node: Any) -> Any:
        node = super().on_leave(original_node, updated_node)
        edits = self.by_target.get(id(original_node))
        if not edits:
            return node
        before: list[cst.BaseStatement] = []
        after: list[cst.BaseStatement] = []
        for edit in edits:
            if edit.replace is not None and isinstance(node, cst.CSTNode):
                node = edit.replace(node)
                if isinstance(node, cst.Call):
                    self._edited_calls[id(node)] = node
            if edit.before or edit.after:
                if not isinstance(original_node, cst.BaseStatement):
                    raise FixError("statements can only be inserted next to a statement")
                before.extend(edit.before)
                after.extend(edit.after)
            self.applied.add(id(edit))
        if before or after:
            kept = [node] if isinstance(node, cst.CSTNode) else []
            return cst.FlattenSentinel([*before, *kept, *after])
        return node

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine,
                                  updated_node: cst.SimpleStatementLine) -> cst.SimpleStatementLine:
        """An edited call that made its one-line statement too long is laid out one argument per line."""
        if self.line_length is None or len(updated_node.body) != 1:
            return updated_node
        small = updated_node.body[0]
        call = getattr(small, "value", None)
        if not isinstance(call, cst.Call) or id(call) not in self._edited_calls:
            return updated_node
        code = cst.Module(body=[]).code_for_node(updated_node).rstrip("\r\n")
        if "\n" in code or len("".join(self._blocks)) + len(code) <= self.line_length:
            return updated_node
        return updated_node.with_changes(body=[small.with_changes(value=E.explode_call(call, self.indent))])

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock) -> cst.IndentedBlock:
        self._blocks.pop()
        if not updated_node.body:  # every statement was removed: keep the block valid
            return updated_node.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        return updated_node


def _top_level_imports(module: cst.Module) -> set[str]:
    out = set()
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    out.add(module.code_for_node(small))
    return out


def add_imports(module: cst.Module, statements: Sequence[str]) -> cst.Module:
    """Insert import statements after the module's leading imports (after docstring/__future__)."""
    present = _top_level_imports(module)
    wanted: list[str] = []
    for s in statements:
        if s not in present and s not in wanted:
            wanted.append(s)
    if not wanted:
        return module
    body = list(module.body)
    insert_at = 0
    after_cdk = 0  # just after the header's last aws_cdk import: keep CDK imports together
    for i, stmt in enumerate(body):
        if isinstance(stmt, cst.SimpleStatementLine) and all(
            isinstance(s, (cst.Import, cst.ImportFrom)) or (i == 0 and isinstance(s, cst.Expr)
                                                             and isinstance(s.value, (cst.SimpleString, cst.ConcatenatedString)))
            for s in stmt.body
        ):
            insert_at = i + 1
            if "aws_cdk" in module.code_for_node(stmt):
                after_cdk = i + 1
            continue
        if isinstance(stmt, (cst.If, cst.Try)) and i == insert_at and _only_imports(stmt):
            insert_at = i + 1  # `try: import x except ImportError: ...` blocks belong to the header
            continue
        break
    insert_at = after_cdk or insert_at
    new = [cst.parse_statement(s + "\n") for s in wanted]
    return module.with_changes(body=[*body[:insert_at], *new, *body[insert_at:]])


def _only_imports(stmt: cst.CSTNode) -> bool:
    found = []

    class V(cst.CSTVisitor):
        def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
            found.append(all(isinstance(s, (cst.Import, cst.ImportFrom, cst.Pass)) for s in node.body))

    stmt.visit(V())
    return bool(found) and all(found)


def apply_fixes(module: cst.Module, fixes: Sequence[Fix], line_length: int | None = None) -> tuple[cst.Module, list[Fix]]:
    """Apply every fix that can be applied; a fix whose edit fails is deferred (returned second).

    With ``line_length``, an edited call that makes its one-line statement longer than that is laid
    out one argument per line.
    """
    pending = list(fixes)
    deferred: list[Fix] = []
    while True:
        applier = _Applier((e for f in pending for e in f.edits), line_length, module.default_indent)
        try:
            new_module = module.visit(applier)
        except Exception:  # noqa: BLE001 - any failing edit: find it and defer it
            culprit = _first_failing(module, pending)
            if culprit is None:
                raise
            pending.remove(culprit)
            deferred.append(culprit)
            if not pending:
                return module, deferred
            continue
        incomplete = [f for f in pending if any(id(e) not in applier.applied for e in f.edits)]
        if incomplete:  # some target was not in the tree (e.g. removed by another edit): redo without it
            for f in incomplete:
                pending.remove(f)
                deferred.append(f)
            if not pending:
                return module, deferred
            continue
        imports = [imp for f in pending for imp in f.imports]
        return add_imports(new_module, imports), deferred


def _first_failing(module: cst.Module, fixes: Sequence[Fix]) -> Fix | None:
    for fix in fixes:
        try:
            module.visit(_Applier(fix.edits))
        except Exception:  # noqa: BLE001
            return fix
    return None


# --------------------------------------------------------------------------------------------
# One file


def _diagnostic(finding: Finding, ctx: FileContext, path: str, unsafe_fixes: bool) -> Diagnostic:
    line, col = ctx.position(finding.node)
    has_fix = finding.fix is not None and bool(finding.fix.edits) and finding.tier is not Tier.REPORT
    return Diagnostic(
        code=finding.rule.code,
        name=finding.rule.name,
        path=path,
        line=line,
        column=col,
        message=finding.message,
        tier=finding.tier.value,
        fixable=_applies(finding, unsafe_fixes),
        fix_available=has_fix and not _applies(finding, unsafe_fixes),
    )


def _check_code(code: str, path: str) -> cst.Module:
    """Parse back and compile generated code; raise FixError if either fails."""
    try:
        module = cst.parse_module(code)
        with warnings.catch_warnings():  # SyntaxWarnings of the user's code are not ours to print
            warnings.simplefilter("ignore")
            compile(code, path, "exec", dont_inherit=True)
    except (cst.ParserSyntaxError, SyntaxError, ValueError) as exc:
        raise FixError(f"fix produced invalid code ({str(exc).splitlines()[0]})") from None
    return module


def process_source(source: bytes, path: str, rules: Sequence[Rule], options: RunOptions) -> FileResult:
    """Analyse (and with ``options.fix``, repair) one file's bytes. Never raises."""
    result = FileResult(path=path, original=source)
    try:
        _process(source, path, rules, options, result)
    except FixError as exc:
        result.fixed = None
        result.applied = []
        result.errors.append(str(exc))
    except RecursionError:
        result.fixed = None
        result.applied = []
        result.errors.append("code nested too deeply to analyse (recursion limit); skipped")
    except Exception as exc:  # noqa: BLE001 - a bug in a rule must not end the run
        result.fixed = None
        result.applied = []
        where = traceback.extract_tb(exc.__traceback__)[-1]
        result.errors.append(f"internal error: {type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})")
    return result


def _syntax_error_message(source: bytes, exc: cst.ParserSyntaxError) -> str:
    """Python's own wording when it has one (``'(' was never closed``), else libcst's."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "<file>", "exec", dont_inherit=True)
    except SyntaxError as err:
        return f"syntax error at line {err.lineno}, column {err.offset or 1}: {err.msg}"
    except (ValueError, UnicodeDecodeError):
        pass
    return f"syntax error at line {exc.raw_line}, column {exc.raw_column + 1}: {exc.message.splitlines()[0]}"


def _process(source: bytes, path: str, rules: Sequence[Rule], options: RunOptions, result: FileResult) -> None:
    if b"\x00" in source:
        raise FixError("binary file (contains NUL bytes)")
    if len(source) > MAX_FILE_BYTES:
        if b"aws_cdk" not in source:
            result.skipped = "does not import aws_cdk"
            return
        raise FixError(f"file too large ({len(source) / 1e6:.1f} MB, the limit is {MAX_FILE_BYTES / 1e6:g} MB); skipped")
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        raise FixError(_syntax_error_message(source, exc)) from None
    except (UnicodeDecodeError, LookupError, SyntaxError, ValueError) as exc:
        raise FixError(f"cannot decode file: {str(exc).splitlines()[0]}") from None
    try:  # the text libcst parsed, without generating it again (the round trip is lossless)
        text = source.decode(module.encoding)
    except (UnicodeDecodeError, LookupError):  # pragma: no cover - libcst decoded it already
        text = module.code
    if not imports_aws_cdk(text):
        result.skipped = "does not import aws_cdk"
        return
    if _SKIP_FILE.search(text):
        result.skipped = "remediator: skip-file"
        return

    done: list[Diagnostic] = []
    for pass_no in range(1, MAX_PASSES + 2):
        ctx = FileContext(module, path, options.settings, options.project_root, source=text)
        if not ctx.imports.imports_cdk:
            result.skipped = "does not import aws_cdk"
            return
        table = _suppressions(ctx.source.splitlines())
        raw = analyze(ctx, rules)
        findings = [f for f in raw if not _is_suppressed(f, ctx, table)]
        to_fix = [f for f in findings if _applies(f, options.unsafe_fixes)] if options.fix else []
        if not to_fix:
            result.diagnostics = [_diagnostic(f, ctx, path, options.unsafe_fixes) for f in findings]
            result.warnings.extend(unused_suppressions(ctx, raw, rules))
            break
        if pass_no > MAX_PASSES:
            rules_left = sorted({f.rule.code for f in to_fix})
            raise FixError(f"failed to converge after {MAX_PASSES} passes (rules still fixing: {', '.join(rules_left)})")
        new_module, deferred = apply_fixes(module, [f.fix for f in to_fix if f.fix is not None],
                                           options.settings.get("line-length"))
        applied = [f for f in to_fix if f.fix not in deferred]
        if not applied:
            result.diagnostics = [_diagnostic(f, ctx, path, options.unsafe_fixes) for f in findings]
            result.warnings.append("could not apply the fixes of " + ", ".join(sorted({f.rule.code for f in to_fix})))
            result.warnings.extend(unused_suppressions(ctx, raw, rules))
            break
        code = new_module.code
        if code == ctx.source:
            raise FixError("fixes of " + ", ".join(sorted({f.rule.code for f in applied}))
                           + " changed nothing; refusing to loop")
        try:
            # re-parsed from text: keep the file's encoding (PEP 263 cookie, BOM) for ``module.bytes``
            module = _check_code(code, path).with_changes(encoding=module.encoding)
            text = code
        except FixError as exc:  # name the rules whose fixes broke the file
            raise FixError(f"{exc}: fixes of {', '.join(sorted({f.rule.code for f in applied}))} not applied, "
                           "file left unchanged") from None
        done.extend(_diagnostic(f, ctx, path, options.unsafe_fixes) for f in applied)
    try:
        new_bytes = text.encode(module.encoding)
    except UnicodeEncodeError as exc:
        raise FixError(f"fixed code cannot be written in the file's encoding ({exc.reason})") from None
    if new_bytes != source:
        result.fixed = new_bytes
        result.applied = done
