from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

import libcst as cst
import libcst.matchers as m

from remediator.analysis.context import FileContext
from remediator.analysis.rule import Edit, Finding, Rule, Tier

#: a line that may open a block: it ends with ``:`` (before an optional comment)
_OPENS_BLOCK = re.compile(r":\s*(?:#.*)?$")


class MixedIndentation(Rule):
    """
    ## What it does
    Finds files whose blocks are indented by different widths (a method body indented by two
    spaces in a file indented by four, a block indented with a tab among space-indented ones),
    and re-indents every block by the file's dominant width: the width most blocks use (on a tie
    between space widths, four spaces as PEP 8 says; else the first block's).

    ## Why is this bad?
    Python accepts any width per block, so the code runs, but readers misjudge which statements
    belong together, and every later edit or formatter run touches those lines. A tab among
    spaces is worse: tools that expand tabs differently disagree on the structure (pycodestyle
    E111, E101, W191).

    ## Example
    ```python
    class Web(Stack):
        def __init__(self, scope, construct_id):
          super().__init__(scope, construct_id)
          bucket = s3.Bucket(
              self,
              "Data",
          )
    ```
    Use instead:
    ```python
    class Web(Stack):
        def __init__(self, scope, construct_id):
            super().__init__(scope, construct_id)
            bucket = s3.Bucket(
                self,
                "Data",
            )
    ```

    ## Fix safety
    Safe: only the indentation of block lines changes. Lines inside brackets (continuation
    lines) and comment lines move with their block, keeping their place relative to it; the
    text of strings, multi-line ones included, is never touched. The result is parsed and
    compiled before it is written.
    """

    code, name, tier = "CDK109", "mixed-indentation", Tier.SAFE
    summary = "Blocks must be indented by one width throughout the file"
    triggers = ()
    changelog = "Re-indent blocks of mixed widths to one width"
    noun = ("file", "files")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        if not _maybe_mixed(ctx.source, ctx.module.default_indent):
            return
        blocks = m.findall(ctx.module, m.IndentedBlock())
        widths = Counter(b.indent if b.indent is not None else ctx.module.default_indent for b in blocks)
        if len(widths) < 2:
            return
        dominant = _dominant(widths, ctx.module.default_indent)
        odd = [b for b in blocks if (b.indent if b.indent is not None else ctx.module.default_indent) != dominant]
        fix = Edit(ctx.module, replace=lambda node: _reindent(node, dominant))
        first, *rest = odd
        others = f"; {len(rest)} more block{'s' if len(rest) > 1 else ''} to re-indent" if rest else ""
        yield self.finding(first.body[0] if first.body else first,
                           f"block indented by {_describe(first.indent or ctx.module.default_indent)} in a file "
                           f"indented by {_describe(dominant)}{others}: re-indent by {_describe(dominant)}", fix=fix)


def _dominant(widths: Counter, first: str) -> str:
    """The width most blocks use; on a tie, four spaces (PEP 8) in a space-indented file, else the
    first block's width."""
    top = max(widths.values())
    tied = [w for w, n in widths.items() if n == top]
    if len(tied) == 1:
        return tied[0]
    if all(set(w) == {" "} for w in tied):
        return "    "
    return first if first in tied else tied[0]


def _maybe_mixed(source: str, default: str) -> bool:
    """Whether the text may hold a block of another width than ``default``: a line that ends with
    ``:`` followed by a line indented by something else than ``default`` more (a cheap test before
    the tree is searched; lines inside strings or brackets can only make it say yes)."""
    lines = [line for line in source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line, following in zip(lines, lines[1:]):
        if not _OPENS_BLOCK.search(line):
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if following[: len(following) - len(following.lstrip())] != indent + default:
            return True
    return False


def _describe(indent: str) -> str:
    if indent and set(indent) == {" "}:
        return f"{len(indent)} space{'s' if len(indent) > 1 else ''}"
    if indent and set(indent) == {"\t"}:
        return f"{len(indent)} tab{'s' if len(indent) > 1 else ''}"
    return repr(indent)


class _Reindent(cst.CSTTransformer):
    def leave_IndentedBlock(self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock) -> cst.IndentedBlock:
        return updated_node.with_changes(indent=None)


def _reindent(module: cst.CSTNode, indent: str) -> cst.CSTNode:
    assert isinstance(module, cst.Module)
    return module.visit(_Reindent()).with_changes(default_indent=indent)
