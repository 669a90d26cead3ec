"""The import map: every local alias a file binds to an ``aws_cdk`` (or ``constructs``) name.

We resolve names ourselves instead of using libcst's QualifiedNameProvider: one walk over the
import statements is all the engine needs, and it is several times cheaper (see docs/ARCHITECTURE.md).
Imports inside functions are recorded too; aliases are treated as file-wide, which is how stacks
use them in practice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

#: Top-level packages whose names we resolve.
TRACKED_ROOTS = ("aws_cdk", "constructs")


def dotted_name(node: cst.BaseExpression | cst.ImportAlias | cst.Attribute | cst.Name) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, None for anything else (calls, subscripts...)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted_name(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


@dataclass
class ImportMap:
    """alias -> fully qualified name, e.g. ``s3 -> aws_cdk.aws_s3``, ``Bucket -> aws_cdk.aws_s3.Bucket``."""

    aliases: dict[str, str] = field(default_factory=dict)
    #: the import statements of the module, in order (top-level ones first in source order)
    statements: list[cst.Import | cst.ImportFrom] = field(default_factory=list)

    @property
    def imports_cdk(self) -> bool:
        return any(q == "aws_cdk" or q.startswith("aws_cdk.") for q in self.aliases.values())

    def add_import(self, node: cst.Import) -> None:
        self.statements.append(node)
        for alias in node.names:
            full = dotted_name(alias.name)
            if full is None or full.split(".")[0] not in TRACKED_ROOTS:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.aliases[alias.asname.name.value] = full
            else:
                # ``import aws_cdk.aws_s3`` binds ``aws_cdk``; dotted access resolves from there
                root = full.split(".")[0]
                self.aliases[root] = root

    def add_import_from(self, node: cst.ImportFrom) -> None:
        self.statements.append(node)
        if node.relative or node.module is None:
            return
        module = dotted_name(node.module)
        if module is None or module.split(".")[0] not in TRACKED_ROOTS:
            return
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = dotted_name(alias.name)
            if name is None:
                continue
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self.aliases[local] = f"{module}.{name}"

    def resolve(self, node: cst.BaseExpression) -> str | None:
        """Fully qualified name of a Name/Attribute chain rooted at an imported alias, else None."""
        dotted = dotted_name(node)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        target = self.aliases.get(head)
        if target is None:
            return None
        return f"{target}.{rest}" if rest else target

    def alias_for(self, qualname: str) -> str | None:
        """The shortest local spelling of ``qualname`` using an existing alias, or None.

        ``aws_cdk.aws_s3.BlockPublicAccess`` -> ``s3.BlockPublicAccess`` when ``s3`` is bound to
        ``aws_cdk.aws_s3``; ``BlockPublicAccess`` when that class itself was imported.
        """
        best: str | None = None
        for local, target in self.aliases.items():
            if qualname == target:
                spelled = local
            elif qualname.startswith(target + "."):
                spelled = local + qualname[len(target):]
            else:
                continue
            if best is None or (spelled.count("."), len(spelled)) < (best.count("."), len(best)):
                best = spelled
        return best


class _ImportCollector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.map = ImportMap()

    def visit_Import(self, node: cst.Import) -> bool:
        self.map.add_import(node)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self.map.add_import_from(node)
        return False


def build_import_map(module: cst.Module) -> ImportMap:
    collector = _ImportCollector()
    module.visit(collector)
    return collector.map
