#!/usr/bin/env python3
"""What knowing each file's name bindings costs: the engine's own index against LibCST's ScopeProvider.

Rows (milliseconds per file over the test corpus, and ratios to the first row, all measured in
the same run on the same files):

* parse               ``libcst.parse_module`` (the floor every codemod pays)
* index, no scopes    the engine's indexing walk (imports, calls, parents, assignments) without
                      recording bindings
* index + scopes      the same walk recording every scope's bindings (what ``FileContext`` does)
* ScopeProvider       ``MetadataWrapper(module).resolve(ScopeProvider)``, LibCST's scope analysis

    .venv/bin/python benchmarks/bench_scopes.py [--repeat 5] [--copies 1]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Callable

import libcst as cst
from libcst.metadata import MetadataWrapper, ScopeProvider

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remediator.analysis import context  # noqa: E402
from remediator.analysis.bindings import ScopeRecorder  # noqa: E402


class _NoScopes(ScopeRecorder):
    def enter(self, node: cst.CSTNode) -> None:
        pass

    def leave(self, node: cst.CSTNode) -> None:
        pass


def index(modules: list[cst.Module], record_scopes: bool) -> None:
    for m in modules:
        indexer = context._Indexer(m)
        if not record_scopes:
            indexer.scopes = _NoScopes(m)
        m.visit(indexer)


def scope_provider(modules: list[cst.Module]) -> None:
    for m in modules:
        MetadataWrapper(m, unsafe_skip_copy=True).resolve(ScopeProvider)


def best(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=1, help="process the corpus this many times")
    args = parser.parse_args()
    corpus = ROOT / "tests" / "corpus"
    sources = [p.read_bytes() for p in sorted(corpus.rglob("*.py")) if "__pycache__" not in p.parts] * args.copies
    modules = [cst.parse_module(s) for s in sources]
    n = len(sources)
    rows = [
        ("parse", best(args.repeat, lambda: [cst.parse_module(s) for s in sources])),
        ("index, no scopes", best(args.repeat, lambda: index(modules, False))),
        ("index + scopes", best(args.repeat, lambda: index(modules, True))),
        ("ScopeProvider", best(args.repeat, lambda: scope_provider(modules))),
    ]
    base = rows[0][1]
    print(f"{n} files from {corpus.relative_to(ROOT)} (best of {args.repeat})")
    print(f"{'step':<18} {'ms/file':>8} {'vs parse':>9}")
    for name, seconds in rows:
        print(f"{name:<18} {seconds / n * 1000:8.2f} {seconds / base:8.2f}x")
    extra = rows[2][1] - rows[1][1]
    print(f"recording scopes adds {extra / n * 1000:.2f} ms/file; ScopeProvider costs {rows[3][1] / n * 1000:.2f} ms/file")


if __name__ == "__main__":
    main()
