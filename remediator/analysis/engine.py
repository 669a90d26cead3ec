"""The per-file engine: parse once, run the rules, apply their edits, repeat to a fixpoint.

``process_source`` never raises for a problem with the file or a rule: like libcst's
``transform_module`` it returns a result that says success, skip or failure, so one bad file never
ends a run. A file is rewritten only if every pass produced code that parses and compiles; when
anything failed, the result carries the original bytes unchanged and the error.

One pass: build the :class:`~remediator.analysis.context.FileContext` (one indexing walk), run
the rules whose trigger words occur in the text, drop suppressed findings, apply the fixes of the
tier in force (:mod:`remediator.analysis.edits`), parse and compile the new text. Passes repeat
until no fix applies; after ``MAX_PASSES`` the file is left untouched ("failed to converge").
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Sequence

import libcst as cst

from remediator.analysis.api_check import keep_conforming
from remediator.analysis.context import ConstructCall, FileContext
from remediator.analysis.edits import apply_fixes, fix_text_edits
from remediator.analysis.rule import Diagnostic, Finding, Rule, Tier
from remediator.analysis.suppressions import Suppressions
from remediator.source.cdk_app import NO_APP, CdkApp
from remediator.source.config import default_settings
from remediator.source.reading import ReadError, parse_and_compile, parse_source

MAX_PASSES = 10


@dataclass
class RunOptions:
    """What the engine needs to know about a run (resolved from CLI and configuration)."""

    fix: bool = False
    unsafe_fixes: bool = False
    #: per-file settings visible to rules as ``ctx.settings`` (``environment-default``, ``cdk-python``...);
    #: the defaults are those of a run without configuration
    settings: dict[str, Any] = field(default_factory=default_settings)
    project_root: str | None = None
    #: an aws-cdk-lib API index every file uses (golden cases pin the bundled one, so that their
    #: results do not depend on the aws-cdk-lib installed); None: found from ``cdk-python``
    api: Any = None
    #: give each finding's fix as text replacements (``Diagnostic.edits``): for machine formats
    #: and editors, never for plain check/fix runs (it applies each fix once more)
    fix_edits: bool = False


@dataclass
class FileResult:
    path: str  #: as displayed (relative to the repository root when inside it)
    original: bytes | None = None
    fixed: bytes | None = None  #: new content, only when it differs from ``original``
    diagnostics: list[Diagnostic] = field(default_factory=list)  #: findings left after the run
    #: one diagnostic per fix applied (its line is in the text of the pass that applied it)
    applied: list[Diagnostic] = field(default_factory=list)
    #: files the fixes create: path relative to this file's folder -> content
    new_files: dict[str, bytes] = field(default_factory=dict)
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


def analyze(ctx: FileContext, rules: Sequence[Rule]) -> list[Finding]:
    """Every finding of ``rules`` on the current tree, suppressions not yet applied."""
    findings: list[Finding] = []
    by_qualname: dict[str, list[cst.Call]] | None = None
    for rule in rules:
        words = rule.trigger_words()
        if words and not any(w in ctx.source for w in words):
            continue
        if rule.targets:
            if by_qualname is None:
                by_qualname = defaultdict(list)
                for call in ctx.calls:
                    q = ctx.call_qualname(call)
                    if q is not None:
                        by_qualname[q].append(call)
            for target in rule.targets:
                for call in by_qualname.get(target, ()):
                    findings.extend(rule.check(ConstructCall(ctx, call, target)))
        findings.extend(rule.check_module(ctx))
    return findings


def _applies(finding: Finding, unsafe_fixes: bool) -> bool:
    if finding.fix is None or not finding.fix.edits:
        return False
    return finding.tier is Tier.SAFE or (finding.tier is Tier.UNSAFE and unsafe_fixes)


def _diagnostic(finding: Finding, ctx: FileContext, path: str, options: RunOptions, edits: bool = False) -> Diagnostic:
    line, col = ctx.position(finding.node)
    end_line, end_col = ctx.end_position(finding.node)
    fixable = _applies(finding, options.unsafe_fixes)
    has_fix = finding.fix is not None and bool(finding.fix.edits) and finding.tier is not Tier.REPORT
    text_edits = None
    if edits and has_fix and finding.fix is not None:
        text_edits = fix_text_edits(ctx.module, finding.fix, options.settings.get("line-length"))
    return Diagnostic(code=finding.rule.code, name=finding.rule.name, path=path, line=line, column=col,
                      message=finding.message, tier=(finding.tier if has_fix else Tier.REPORT).value, fixable=fixable,
                      fix_available=has_fix and not fixable, end_line=end_line, end_column=end_col,
                      edits=text_edits, note=finding.note)


def process_source(source: bytes, path: str, rules: Sequence[Rule], options: RunOptions,
                   app: CdkApp = NO_APP) -> FileResult:
    """Analyse (and with ``options.fix``, repair) one file's bytes, of the CDK app ``app``. Never raises."""
    result = FileResult(path=path, original=source)
    try:
        _process(source, path, rules, options, app, result)
    except (FixError, ReadError) as exc:
        _fail(result, str(exc))
    except RecursionError:
        _fail(result, "code nested too deeply to analyse (recursion limit); skipped")
    except Exception as exc:  # noqa: BLE001 - a bug in a rule must not end the run
        where = traceback.extract_tb(exc.__traceback__)[-1]
        _fail(result, f"internal error: {type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})")
    return result


def _fail(result: FileResult, message: str) -> None:
    result.fixed = None
    result.applied = []
    result.new_files = {}
    result.errors.append(message)


def _process(source: bytes, path: str, rules: Sequence[Rule], options: RunOptions, app: CdkApp,
             result: FileResult) -> None:
    parsed = parse_source(source)
    if parsed.module is None:
        result.skipped = parsed.skipped
        return
    module, text = parsed.module, parsed.text
    applied: list[Diagnostic] = []
    new_files: dict[str, str] = {}
    for pass_no in range(1, MAX_PASSES + 2):
        ctx = FileContext(module, path, options.settings, options.project_root, source=text, api=options.api,
                          app=app)
        if not ctx.imports.imports_cdk:
            result.skipped = "does not import aws_cdk"
            return
        suppressions = Suppressions(text)
        raw = analyze(ctx, rules)
        findings = [f for f in raw if not suppressions.suppressed(f, ctx)]
        fixable = [f for f in findings if _applies(f, options.unsafe_fixes)]
        fixable = keep_conforming(ctx, fixable, options.settings.get("line-length")) if fixable else []
        to_fix = fixable if options.fix else []
        if to_fix and pass_no > MAX_PASSES:
            rules_left = ", ".join(sorted({f.rule.code for f in to_fix}))
            raise FixError(f"failed to converge after {MAX_PASSES} passes (rules still fixing: {rules_left})")
        new_module, deferred = apply_fixes(module, [f.fix for f in to_fix if f.fix is not None],
                                           options.settings.get("line-length"), ctx.parent) if to_fix else (module, [])
        done = [f for f in to_fix if f.fix not in deferred]
        if not done:
            result.diagnostics = [_diagnostic(f, ctx, path, options, options.fix_edits) for f in findings]
            if to_fix:
                result.warnings.append("could not apply the fixes of " + ", ".join(sorted({f.rule.code for f in to_fix})))
            result.warnings.extend(suppressions.unused(ctx, raw, rules))
            break
        code = new_module.code
        codes = ", ".join(sorted({f.rule.code for f in done}))
        if code == text:
            raise FixError(f"fixes of {codes} changed nothing; refusing to loop")
        try:
            # re-parsed from text: keep the file's encoding (PEP 263 cookie, BOM) for the bytes
            module = parse_and_compile(code, path).with_changes(encoding=module.encoding)
        except ReadError as exc:  # name the rules whose fixes broke the file
            raise FixError(f"fix produced invalid code ({exc}): fixes of {codes} not applied, "
                           "file left unchanged") from None
        text = code
        applied.extend(_diagnostic(f, ctx, path, options) for f in done)
        for f in done:
            new_files.update(f.fix.files if f.fix is not None else {})
    try:
        new_bytes = text.encode(module.encoding)
    except UnicodeEncodeError as exc:
        raise FixError(f"fixed code cannot be written in the file's encoding ({exc.reason})") from None
    if new_bytes != source:
        result.fixed = new_bytes
        result.applied = applied
        result.new_files = {rel: content.encode("utf-8") for rel, content in new_files.items()}
