from __future__ import annotations

import os
import re
from typing import Iterator

import libcst as cst
import libcst.matchers as m

from remediator.analysis.bindings import Kind
from remediator.analysis.context import FileContext
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Edit, Finding, Rule, Tier

#: names whose use means names may be read in ways the tree does not show
_DYNAMIC = ("globals", "locals", "vars", "eval", "exec", "__import__")
_TYPE_COMMENT = re.compile(r"#\s*type:([^#\n]*)")
_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+\d+(?:[,\s]+[A-Z]+\d+)*))?", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z_]\w*")


class UnusedImport(Rule):
    """
    ## What it does
    Finds imported names that the file never uses, as pyflakes and ruff do (F401), and removes
    them: `from aws_cdk import aws_events as events` when no code reads `events`. Every import
    counts, not only those of `aws_cdk`; a name used anywhere in the file (in any function), in
    a string annotation (`"s3.Bucket"`), in a `# type:` comment or listed in `__all__` is used.

    ## Why is this bad?
    Unused imports mislead readers about what a stack builds (seed 000: `aws_events` and
    `aws_events_targets` for rules that were never written), slow every synth by loading modules
    for nothing, and hide the imports that matter.

    ## Example
    ```python
    from aws_cdk import Stack
    from aws_cdk import aws_events as events
    from aws_cdk import aws_s3 as s3


    class Data(Stack):
        def __init__(self, scope, construct_id):
            super().__init__(scope, construct_id)
            s3.Bucket(self, "Data")
    ```
    Use instead:
    ```python
    from aws_cdk import Stack
    from aws_cdk import aws_s3 as s3


    class Data(Stack):
        def __init__(self, scope, construct_id):
            super().__init__(scope, construct_id)
            s3.Bucket(self, "Data")
    ```

    ## Fix safety
    Safe: a name nothing reads can go. Left alone: `__init__.py` files (their imports re-export),
    `from __future__` imports, redundant aliases (`import x as x`, `from m import y as y`: explicit
    re-exports), `*` imports, imports inside a `try` block (availability checks), names listed in
    `__all__`, lines with `# noqa` or `# noqa: F401`, and files that call `globals()`, `locals()`,
    `vars()`, `eval()` or `exec()`. `import a.b` counts as used when `a` is. A file that uses
    no `aws_cdk` import at all is not a stack, and its `aws_cdk` imports are left alone.
    """

    code, name, tier = "CDK107", "unused-import", Tier.SAFE
    summary = "Imported names must be used"
    triggers = ("import",)
    changelog = "Remove {count} unused {noun}"
    noun = ("import", "imports")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        if os.path.basename(ctx.path) == "__init__.py" or any(n in ctx.references for n in _DYNAMIC):
            return
        spared = _names_in_strings_and_comments(ctx)
        unused: list[tuple[cst.ImportAlias, cst.Import | cst.ImportFrom, str]] = []
        for binding in ctx.scopes.bindings:
            if binding.kind is not Kind.IMPORT or binding.name in ctx.references or binding.name in spared:
                continue
            alias = binding.node
            stmt = ctx.parent(alias)
            if not isinstance(alias, cst.ImportAlias) or not isinstance(stmt, (cst.Import, cst.ImportFrom)):
                continue
            if _kept(ctx, alias, stmt):
                continue
            unused.append((alias, stmt, binding.name))
        cdk_aliases = [a for a, q in ctx.imports.aliases.items() if q.split(".")[0] == "aws_cdk"]
        dropped_cdk = {name for _, _, name in unused if name in cdk_aliases}
        for alias, stmt, name in unused:
            imported = dotted_name(alias.name) or name
            if isinstance(stmt, cst.ImportFrom) and stmt.module is not None:
                imported = f"{dotted_name(stmt.module) or ''}.{imported}"
            shown = f"`{imported}`" + (f" (as `{name}`)" if alias.asname is not None else "")
            if name in dropped_cdk and len(dropped_cdk) == len(set(cdk_aliases)):
                continue  # the file uses no aws_cdk name at all: not a stack, not ours to tidy
            yield self.finding(alias, f"{shown} imported but unused", fix=_drop_if_still_unused(ctx, stmt, alias, name))


def _drop_if_still_unused(ctx: FileContext, stmt: cst.Import | cst.ImportFrom, alias: cst.ImportAlias,
                          name: str) -> Edit:
    """Drop the import name, unless a fix of the same pass wrote code that uses it (a rule that
    spells ``Duration.days(14)`` with the file's existing import): the edit runs on the module as
    the other edits left it, and looks for the name there first."""
    drop = Edit.drop_import_name(stmt, alias)
    key = (alias.evaluated_name, alias.evaluated_alias)

    class Drop(cst.CSTTransformer):
        def leave_Import(self, original: cst.Import, updated: cst.Import) -> cst.CSTNode:
            return self._drop(updated)

        def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom) -> cst.CSTNode:
            return self._drop(updated)

        @staticmethod
        def _drop(node: cst.Import | cst.ImportFrom) -> cst.CSTNode:
            names = () if isinstance(node.names, cst.ImportStar) else node.names
            if any((a.evaluated_name, a.evaluated_alias) == key for a in names) and drop.replace is not None:
                return drop.replace(node)  # type: ignore[return-value]
            return node

        def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine,
                                      updated: cst.SimpleStatementLine) -> cst.CSTNode:
            return cst.RemovalSentinel.REMOVE if not updated.body else updated  # type: ignore[return-value]

        def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.CSTNode:
            return updated if updated.body else updated.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])

    def replace(module: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(module, cst.Module)
        if name in FileContext(module, ctx.path).references:
            return module  # another fix of this pass uses it now
        return module.visit(Drop())

    return Edit(ctx.module, replace=replace)


def _kept(ctx: FileContext, alias: cst.ImportAlias, stmt: cst.Import | cst.ImportFrom) -> bool:
    """Imports that are not ours to remove even when nothing reads them."""
    if isinstance(stmt, cst.ImportFrom):
        if isinstance(stmt.names, cst.ImportStar):
            return True
        if stmt.module is not None and dotted_name(stmt.module) == "__future__":
            return True
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name) \
            and alias.asname.name.value == dotted_name(alias.name):
        return True  # `import x as x`: an explicit re-export
    if ctx.enclosing(stmt, cst.Try) is not None:
        return True
    lines = {ctx.position(alias)[0], ctx.position(stmt)[0]}
    source_lines = ctx.source.splitlines()
    for line in lines:
        text = source_lines[line - 1] if line <= len(source_lines) else ""
        noqa = _NOQA.search(text)
        if noqa and (noqa.group("codes") is None or "F401" in noqa.group("codes").upper()):
            return True
    return False


def _names_in_strings_and_comments(ctx: FileContext) -> set[str]:
    """Words that name imports without a Name node: string annotations (``"s3.Bucket"``), ``#
    type:`` comments and ``__all__`` entries."""
    words: set[str] = set()
    for comment in _TYPE_COMMENT.findall(ctx.source):
        words.update(_WORD.findall(comment))
    for binding in ctx.scopes.bindings:
        node = binding.node
        annotations: list[cst.CSTNode] = []
        if isinstance(node, cst.Param) and node.annotation is not None:
            annotations.append(node.annotation)
        elif isinstance(node, cst.FunctionDef) and node.returns is not None:
            annotations.append(node.returns)
        elif isinstance(node, cst.AnnAssign):
            annotations.append(node.annotation)
        for annotation in annotations:
            for string in m.findall(annotation, m.SimpleString()):
                value = string.evaluated_value  # type: ignore[union-attr]
                words.update(_WORD.findall(value if isinstance(value, str) else ""))
    if "__all__" in ctx.references:
        for a in ctx.assignments:
            if a.target == "__all__":
                words.update(s.evaluated_value for s in m.findall(a.value, m.SimpleString())  # type: ignore[union-attr]
                             if isinstance(s.evaluated_value, str))  # type: ignore[union-attr]
        for node in ctx.references["__all__"]:  # __all__ += [...], __all__.extend([...])
            stmt = ctx.statement_of(node)
            if stmt is not None:
                words.update(s.evaluated_value for s in m.findall(stmt, m.SimpleString())  # type: ignore[union-attr]
                             if isinstance(s.evaluated_value, str))  # type: ignore[union-attr]
    return words
