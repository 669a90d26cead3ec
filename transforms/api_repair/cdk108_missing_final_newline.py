from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis.context import FileContext
from remediator.analysis.rule import Edit, Finding, Rule, Tier


class MissingFinalNewline(Rule):
    """
    ## What it does
    Finds files whose last line does not end in a newline, and adds one, in the file's own
    newline style (a CRLF file gets `\\r\\n`).

    ## Why is this bad?
    POSIX tools treat the last line of such a file as incomplete: `cat` runs it into the next
    output, `git diff` marks it with "\\ No newline at end of file", and every later change to the
    last line touches two lines of the diff. Linters flag it (pycodestyle W292).

    ## Example
    ```python
    bucket = s3.Bucket(self, "Data")```
    Use instead:
    ```python
    bucket = s3.Bucket(self, "Data")
    ```

    ## Fix safety
    Safe: a newline after the last line changes no statement.
    """

    code, name, tier = "CDK108", "missing-final-newline", Tier.SAFE
    summary = "Files must end with a newline"
    triggers = ()
    changelog = "Add the missing final newline"
    noun = ("file", "files")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        module = ctx.module
        if module.has_trailing_newline or not ctx.source or ctx.source.endswith(("\n", "\r")):
            return
        at: cst.CSTNode = module.body[-1] if module.body else module
        while True:  # the last statement of the last block: the file's last line
            block = next((b for b in (getattr(at, "finalbody", None), getattr(at, "orelse", None),
                                      getattr(at, "body", None)) if b is not None), None)
            block = getattr(block, "body", block)
            if isinstance(block, cst.IndentedBlock) and block.body:
                at = block.body[-1]
            elif isinstance(block, (list, tuple)) and block and isinstance(block[-1], cst.BaseStatement):
                at = block[-1]
            else:
                break
        yield self.finding(at, "no newline at end of file",
                           fix=Edit(module, replace=lambda m: m.with_changes(has_trailing_newline=True)))
