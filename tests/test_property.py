"""Every fix converges, checked on generated input.

1. Stacks made of snippets of every rule's golden inputs (read from golden/*/*.input.py when the
   test runs, so rules added later are covered): imports, module-level helpers, the statements of
   Stack ``__init__`` bodies, and module-level app code, recombined by hypothesis, sometimes with
   CRLF newlines or tab indentation. With every rule, safe and unsafe: the fix output parses and
   compiles, a second run changes nothing, and ``fix --diff`` applied with ``git apply`` in a real
   repository gives the same files (changelog included) as ``fix``.
2. hypothesmith programs with aws_cdk imports added never crash the engine: ``process_source``
   returns (never raises) and either reports a one-line error or produces code that compiles;
   without the imports the file is never changed.

Example counts are bounded for CI; REMEDIATOR_FUZZ_EXAMPLES=5000 runs a longer fuzz.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import hypothesmith
import libcst as cst
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from remediator.source.config import Config
from remediator.analysis.engine import RunOptions, process_source
from remediator.runner import Request, run
from remediator.transforms import all_rules

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
EXAMPLES = int(os.environ.get("REMEDIATOR_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])


# -- snippets from the golden inputs ------------------------------------------------------------

@dataclass(frozen=True)
class Snippet:
    origin: str
    imports: tuple[str, ...]  #: import statements the snippet's file had at top level
    helpers: tuple[str, ...]  #: module-level functions and classes that are not stacks
    body: tuple[cst.BaseStatement, ...]  #: statements of a Stack __init__ after super().__init__
    tail: tuple[str, ...]  #: module-level app code (App(...), Stack(app, ...), app.synth())


def _is_super_init(stmt: cst.BaseStatement) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and "super().__init__(" in cst.Module([stmt]).code


def _init_body(cls: cst.ClassDef) -> list[cst.BaseStatement] | None:
    for stmt in cls.body.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == "__init__":
            body = list(stmt.body.body) if isinstance(stmt.body, cst.IndentedBlock) else []
            if any(_is_super_init(s) for s in body):
                return [s for s in body if not _is_super_init(s)]
    return None


@lru_cache(maxsize=1)
def golden_snippets() -> tuple[Snippet, ...]:
    out = []
    for path in sorted(GOLDEN.glob("CDK*/*.input.py")):
        try:
            module = cst.parse_module(path.read_bytes())
        except Exception:  # noqa: BLE001 - a golden input may be deliberately broken
            continue
        imports, helpers, tail, body = [], [], [], []
        for stmt in module.body:
            code = module.code_for_node(stmt).strip("\n") + "\n"
            if isinstance(stmt, cst.SimpleStatementLine) and all(
                    isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body):
                if "__future__" not in code:
                    imports.append(code.strip() + "\n")
            elif isinstance(stmt, cst.ClassDef) and (init := _init_body(stmt)) is not None:
                body.extend(init)
            elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                helpers.append(code)
            else:
                tail.append(code)
        out.append(Snippet(f"{path.parent.name}/{path.name}", tuple(imports), tuple(helpers), tuple(body),
                           tuple(tail)))
    return tuple(out)


TEMPLATE = '''\
class GeneratedStack(aws_cdk.Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
'''


def compose(parts: list[tuple[Snippet, list[bool]]], newline: str, indent: str) -> bytes:
    imports: list[str] = ["import aws_cdk\n"]
    helpers: list[str] = []
    tails: list[str] = []
    statements: list[cst.BaseStatement] = []
    for snippet, mask in parts:
        imports.extend(i for i in snippet.imports if i not in imports)
        helpers.extend(h for h in snippet.helpers if h not in helpers)
        statements.extend(s for s, keep in zip(snippet.body, mask) if keep)
        tails.extend(t for t in snippet.tail if t not in tails)
    cls = cst.parse_statement(TEMPLATE)
    assert isinstance(cls, cst.ClassDef)
    init = cls.body.body[0]
    assert isinstance(init, cst.FunctionDef) and isinstance(init.body, cst.IndentedBlock)
    init = init.with_changes(body=init.body.with_changes(body=[init.body.body[0], *statements]))
    cls = cls.with_changes(body=cls.body.with_changes(body=[init]))
    head = cst.parse_module("".join(imports) + "\n\n" + "\n\n".join(helpers))
    tail = cst.parse_module("\n".join(tails)) if tails else cst.parse_module("")
    leading = [cst.EmptyLine(), cst.EmptyLine()]
    module = head.with_changes(body=[*head.body, cls.with_changes(leading_lines=leading),
                                     *[s.with_changes(leading_lines=leading) if i == 0 else s
                                       for i, s in enumerate(tail.body)]])
    module = module.with_changes(default_newline=newline, default_indent=indent)
    return module.code.encode("utf-8")


def test_every_rule_contributes_snippets() -> None:
    snippets = golden_snippets()
    folders = {p.name for p in GOLDEN.glob("CDK*") if p.is_dir() and any(p.glob("*.input.py"))}
    contributing = {s.origin.split("/")[0] for s in snippets if s.body or s.tail or s.helpers}
    assert folders and contributing == folders
    # every code of the golden folders is a registered rule: the property below exercises them all
    codes = {r.code for r in all_rules()}
    assert {f.split("-")[0] for f in folders} <= codes


@st.composite
def generated_stacks(draw) -> tuple[bytes, bool, str]:
    snippets = golden_snippets()
    chosen = draw(st.lists(st.sampled_from(snippets), min_size=1, max_size=4))
    parts = [(s, draw(st.lists(st.booleans(), min_size=len(s.body), max_size=len(s.body)).filter(
        lambda m: any(m) or not m))) for s in chosen]
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    indent = draw(st.sampled_from(["    ", "    ", "  ", "\t"]))
    unsafe = draw(st.booleans())
    return compose(parts, newline, indent), unsafe, newline


def _options(unsafe: bool, fix: bool = True) -> RunOptions:
    return RunOptions(fix=fix, unsafe_fixes=unsafe, settings=dict(Config().settings))


def _git(repo: Path, *args: str, data: bytes | None = None) -> None:
    subprocess.run(["git", *args], cwd=repo, input=data, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t"})


def _repo(root: Path, source: bytes) -> Path:
    root.mkdir()
    (root / "stacks").mkdir()
    (root / "stacks" / "generated_stack.py").write_bytes(source)
    (root / "CHANGELOG.md").write_text("# Changelog\n\n## [Unreleased]\n")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "start")
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}


@FUZZ
@given(generated_stacks())
def test_fix_converges_on_generated_stacks(case: tuple[bytes, bool, str]) -> None:
    source, unsafe, newline = case
    rules = [r() for r in all_rules()]
    compile(source, "generated_stack.py", "exec", dont_inherit=True)  # the generator itself is sound

    first = process_source(source, "stacks/generated_stack.py", rules, _options(unsafe))
    assert first.errors == [], first.errors
    fixed = first.fixed if first.fixed is not None else source
    cst.parse_module(fixed)
    compile(fixed, "generated_stack.py", "exec", dont_inherit=True)
    if newline == "\r\n":  # added lines use the file's CRLF (bare LF only inside kept string literals)
        assert fixed.count(b"\n") - fixed.count(b"\r\n") <= source.count(b"\n") - source.count(b"\r\n")
    second = process_source(fixed, "stacks/generated_stack.py", rules, _options(unsafe))
    assert second.errors == [], second.errors
    assert second.fixed is None, "a second run changed the file again"

    # fix --diff + git apply == fix, in real repositories (changelog included)
    with tempfile.TemporaryDirectory() as tmp:
        by_fix = _repo(Path(tmp) / "by_fix", source)
        by_diff = _repo(Path(tmp) / "by_diff", source)
        request = dict(paths=["."], select=["ALL"], unsafe_fixes=unsafe, jobs=1)
        with contextlib.chdir(by_fix):
            wrote = run(Request(fix=True, **request))
        assert wrote.errors == [], wrote.errors
        with contextlib.chdir(by_diff):
            shown = run(Request(fix=True, diff=True, **request))
        assert shown.errors == [], shown.errors
        assert _files(by_diff)["stacks/generated_stack.py"] == source  # --diff writes nothing
        if shown.patch:
            _git(by_diff, "apply", "--whitespace=nowarn", "-", data=shown.patch)
        assert _files(by_diff) == _files(by_fix)
        assert _files(by_fix)["stacks/generated_stack.py"] == fixed


# -- hypothesmith: arbitrary programs never crash the engine ------------------------------------

CDK_PREFIX = "import aws_cdk as cdk\nfrom aws_cdk import aws_kms as kms, aws_s3 as s3\nfrom aws_cdk.aws_s3 import Bucket\n"


def _engine_survives(source: str, cdk: bool) -> None:
    rules = [r() for r in all_rules()]
    data = ((CDK_PREFIX if cdk else "") + source).encode("utf-8", "surrogatepass")
    for unsafe in (False, True):
        result = process_source(data, "fuzz.py", rules, _options(unsafe))  # must not raise
        for e in result.errors:
            assert isinstance(e, str) and "\n" not in e.strip()
        if result.errors:
            assert result.fixed is None
        if result.fixed is not None:
            compile(result.fixed, "fuzz.py", "exec", dont_inherit=True)
            cst.parse_module(result.fixed)
        if not cdk:
            assert result.fixed is None, "a file without aws_cdk imports was changed"


@FUZZ
@given(hypothesmith.from_grammar())
def test_grammar_programs_with_cdk_imports_never_crash(source: str) -> None:
    _engine_survives(source, cdk=True)


@FUZZ
@given(hypothesmith.from_node())
def test_libcst_programs_with_cdk_imports_never_crash(source: str) -> None:
    _engine_survives(source, cdk=True)


@FUZZ
@given(hypothesmith.from_grammar())
def test_programs_without_cdk_imports_are_never_changed(source: str) -> None:
    _engine_survives(source, cdk=False)


def test_compose_keeps_every_golden_statement() -> None:
    """The generator is not vacuous: the whole of every snippet appears in the composed stack."""
    for snippet in golden_snippets():
        code = compose([(snippet, [True] * len(snippet.body))], "\n", "    ").decode()
        compile(code, snippet.origin, "exec", dont_inherit=True)
        for stmt in snippet.body:
            first = cst.Module([stmt]).code.strip().splitlines()[0].strip()
            assert first in code, (snippet.origin, first)
