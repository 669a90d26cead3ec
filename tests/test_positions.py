"""remediator's positions are LibCST's PositionProvider ranges, node for node."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from remediator.analysis.positions import positions

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*(ROOT / "tests" / "corpus").rglob("*.py"), *(ROOT / "golden").glob("*/*.input.py"),
                *(ROOT / "tests" / "ai_apps").rglob("*.py")])


def test_the_comparison_covers_many_files() -> None:
    assert len(FILES) > 500


@pytest.mark.parametrize("source", [
    "x = 1\r\ny = (\r\n    2,\r\n)\r\n",  # CRLF
    "if x:\n\ty = 1\n",  # tabs
    's = """a\nb"""\nt = f"{s!r:>{w}}"\n',  # strings spanning lines, f-strings
    "def f(\n    a,  # comment\n    *, b=1,\n) -> None:\n    return (a\n            + b)\n",
])
def test_odd_layouts(source: str) -> None:
    module = cst.parse_module(source)
    assert positions(module) == dict(MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider))


def test_every_node_of_the_corpus_and_golden_inputs() -> None:
    differing = []
    for path in FILES:
        module = cst.parse_module(path.read_bytes())
        if positions(module) != dict(MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)):
            differing.append(path.relative_to(ROOT).as_posix())
    assert differing == []
