#!/usr/bin/env python3
"""Throughput and memory of `check` and `fix` over the test corpus.

Every figure is also given as a ratio to a baseline measured in the same run on the same files:
a bare libcst parse + codegen (``parse_module(data).bytes``), i.e. the least any libcst codemod
must spend. Rows:

* baseline        bare parse + codegen, serial, in-process
* check serial    ``process_source`` with every rule, no fixes, in-process
* fix serial      ``process_source`` with every rule, safe and unsafe fixes, in-process
* check/fix run   the whole runner (discovery, workers, diff) with ``--jobs 1`` and ``--jobs N``;
                  ``fix`` runs as ``fix --diff`` so the corpus is never written

Peak memory: tracemalloc peak of Python allocations for the in-process rows; for runner rows the
maximum resident set size (getrusage) of this process and of its worker processes.

    .venv/bin/python benchmarks/bench_engine.py [--repeat 3] [--jobs 2] [--copies 1]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

import libcst as cst

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remediator.source.config import Config  # noqa: E402
from remediator.analysis.engine import RunOptions, process_source  # noqa: E402
from remediator.runner import Request, run  # noqa: E402
from remediator.transforms import all_rules  # noqa: E402


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def load(corpus: Path) -> list[tuple[str, bytes]]:
    return [(str(p.relative_to(corpus)), p.read_bytes()) for p in sorted(corpus.rglob("*.py"))
            if "__pycache__" not in p.parts]


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished (joined) worker processes."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def best_of(repeat: int, fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the fastest of ``repeat`` runs (the machine may be shared)."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        c0, t0 = cpu_seconds(), time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0, cpu_seconds() - c0))
    return min(runs)


def traced_peak(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def maxrss_mb(who: int) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes on macOS, KiB elsewhere


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--repeat", type=int, default=3, help="timings are the best of this many runs")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the parallel rows")
    ap.add_argument("--copies", type=int, default=1, help="process the corpus this many times (bigger workload)")
    args = ap.parse_args()

    load_before = os.getloadavg()[0]
    files = load(args.corpus) * args.copies
    nbytes = sum(len(d) for _, d in files)
    rules = [r() for r in all_rules()]
    settings = dict(Config().settings)
    check_opts = RunOptions(fix=False, settings=settings)
    fix_opts = RunOptions(fix=True, unsafe_fixes=True, settings=settings)

    def baseline() -> None:
        for _, data in files:
            cst.parse_module(data).bytes

    def engine(options: RunOptions) -> Callable[[], None]:
        def go() -> None:
            for name, data in files:
                process_source(data, name, rules, options)
        return go

    results: list[tuple[str, tuple[float, float], float, str]] = []  # label, (wall, cpu), peak MB, memory kind
    base = best_of(args.repeat, baseline)
    results.append(("baseline: libcst parse+codegen", base, traced_peak(baseline), "traced"))
    for label, opts in (("check serial (in-process)", check_opts), ("fix serial (in-process)", fix_opts)):
        fn = engine(opts)
        results.append((label, best_of(args.repeat, fn), traced_peak(fn), "traced"))

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "corpus"
        for i in range(args.copies):
            shutil.copytree(args.corpus, work / f"copy{i}", ignore=shutil.ignore_patterns("__pycache__"))
        for label, fix in (("check", False), ("fix --diff", True)):
            for jobs in sorted({1, args.jobs}):
                req = Request(paths=["."], fix=fix, diff=fix, select=["ALL"], unsafe_fixes=True, jobs=jobs,
                              changelog=False)

                def go(req: Request = req) -> None:
                    with contextlib.chdir(work):
                        out = run(req)
                    assert not out.errors, out.errors[:3]

                timing = best_of(args.repeat, go)
                peak = max(maxrss_mb(resource.RUSAGE_SELF), maxrss_mb(resource.RUSAGE_CHILDREN))
                results.append((f"{label} runner --jobs {jobs}", timing, peak, "maxrss"))

    n = len(files)
    print(f"corpus: {display(args.corpus)} x{args.copies}: {n} files, {nbytes / 1024:.0f} KiB; {len(rules)} rules; "
          f"best of {args.repeat}; cpus {os.cpu_count()}; load average before {load_before:.2f}, "
          f"after {os.getloadavg()[0]:.2f}")
    head = (f"{'mode':<32} {'wall s':>7} {'ms/file':>8} {'files/s':>8} {'x base':>7} "
            f"{'cpu s':>7} {'x base':>7} {'peak MB':>8}")
    print(head)
    print("-" * len(head))
    for label, (wall, cpu), peak, kind in results:
        print(f"{label:<32} {wall:>7.2f} {wall / n * 1000:>8.1f} {n / wall:>8.1f} {wall / base[0]:>7.2f} "
              f"{cpu:>7.2f} {cpu / base[1]:>7.2f} {peak:>7.1f}{'*' if kind == 'maxrss' else ' '}")
    walls = {label: wall for label, (wall, _), _, _ in results}
    for mode in ("check", "fix --diff"):
        one, many = walls.get(f"{mode} runner --jobs 1"), walls.get(f"{mode} runner --jobs {args.jobs}")
        if one and many and args.jobs > 1:
            print(f"{mode}: --jobs {args.jobs} is {one / many:.2f}x as fast as --jobs 1")
    print("x base: ratio to the baseline row (wall, then CPU); ms/file and files/s from wall time")
    print("cpu s of --jobs N rows counts this process only: workers start from a forkserver, not as our children")
    print("a load average near the cpu count means other work shares the cpus: parallel ratios are then meaningless")
    print("peak MB: tracemalloc peak of Python allocations; * = max resident set size (process or workers)")


if __name__ == "__main__":
    main()
