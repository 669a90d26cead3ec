"""What a run tells people: findings as text lines, summaries, statistics and the fixes applied.

Paths are shown relative to where the user stands, as ruff shows them (:class:`Paths`); a run
keeps them relative to the repository root, which diffs and changelogs need. Text is styled with
``click.style`` (codes, paths, ``[*]``); ``click.echo`` drops the styles when the output is not a
terminal or colour is off (``NO_COLOR``). The machine formats are in :mod:`remediator.output.formats`.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import click

from remediator.analysis.rule import Diagnostic

#: the "path" of an error about the run itself rather than one input
RUN = "remediator"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


@dataclass
class Paths:
    """Turns a run's paths (relative to ``root``, or absolute outside it) into paths relative to
    ``cwd`` when they lie below it, else absolute (as ruff does)."""

    root: str
    cwd: str = ""

    def __post_init__(self) -> None:
        self.cwd = os.path.realpath(self.cwd or os.getcwd())

    def absolute(self, path: str) -> str:
        return os.path.normpath(path if os.path.isabs(path) else os.path.join(self.root, path))

    def __call__(self, path: str) -> str:
        if path == RUN or not path:
            return path
        absolute = self.absolute(path)
        rel = os.path.relpath(absolute, self.cwd)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return absolute.replace(os.sep, "/")
        return rel.replace(os.sep, "/")


@dataclass
class Problem:
    """An input that could not be read, parsed, fixed or written (``error``), or a ``warning``."""

    path: str
    message: str
    severity: str = "error"


def problems(errors: Iterable[tuple[str, str]], warnings: Iterable[tuple[str, str]] = ()) -> list[Problem]:
    return [Problem(p, m) for p, m in errors] + [Problem(p, m, "warning") for p, m in warnings]


def order(d: Diagnostic) -> tuple:
    return (d.path, d.line, d.column, d.code)


# -- text ---------------------------------------------------------------------------------------
def text_line(d: Diagnostic, path: str | None = None, color: bool = False) -> str:
    """``path:line:col: CODE message [*]`` (``[*]``: fixable at the tier in force)."""
    style: Callable[..., str] = click.style if color else (lambda text, **_: text)
    marker = " " + style("[*]", fg="cyan") if d.fixable else ""
    where = style(path if path is not None else d.path, bold=True)
    return f"{where}:{d.line}:{d.column}: {style(d.code, fg='red', bold=True)} {d.message}{marker}"


def render_text(diagnostics: Sequence[Diagnostic], paths: Callable[[str], str] = str, color: bool = False) -> str:
    return "".join(text_line(d, paths(d.path), color) + "\n" for d in sorted(diagnostics, key=order))


def problem_line(problem: Problem, paths: Callable[[str], str] = str, color: bool = False) -> str:
    label = click.style(problem.severity, fg="red" if problem.severity == "error" else "yellow", bold=True) \
        if color else problem.severity
    return f"{paths(problem.path)}: {label}: {problem.message}"


def unchecked(errors: Sequence[tuple[str, str]], verb: str = "checked") -> str | None:
    """``2 files could not be checked.`` -- the inputs that errors leave out; None without errors."""
    paths = {p for p, _ in errors}
    return f"{plural(len(paths), 'file')} could not be {verb} (see the errors)." if paths else None


def check_summary(diagnostics: Sequence[Diagnostic], errors: Sequence[tuple[str, str]] = (),
                  color: bool = False) -> str:
    """The last lines of ``check``: never "All checks passed!" when an input could not be checked."""
    n = len(diagnostics)
    failed = unchecked(errors)
    if n == 0:
        if failed:
            return f"No findings in the files that could be checked.\n{failed}"
        return click.style("All checks passed!", fg="green") if color else "All checks passed!"
    fixable = sum(d.fixable for d in diagnostics)
    hidden = sum(d.fix_available for d in diagnostics)
    parts = [f"Found {plural(n, 'finding')}."]
    if fixable:
        star = click.style("[*]", fg="cyan") if color else "[*]"
        parts.append(f"{star} {fixable} fixable with `remediator fix`.")
    if hidden:
        parts.append(f"({hidden} more fixable with the `--unsafe-fixes` option.)")
    if failed:
        parts.append(failed)
    return "\n".join(parts)


def fix_summary(fixed: int, files: int, remaining: int, *, would: bool = False) -> str:
    verb = "Would fix" if would else "Fixed"
    return f"{verb} {plural(fixed, 'finding')} in {plural(files, 'file')} ({remaining} remaining)"


def statistics(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, str, int, int]]:
    """(code, name, findings, fixable) per rule, most findings first."""
    counts = Counter(d.code for d in diagnostics)
    fixable = Counter(d.code for d in diagnostics if d.fixable)
    names = {d.code: d.name for d in diagnostics}
    return [(code, names[code], n, fixable[code]) for code, n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))]


def render_statistics(diagnostics: Sequence[Diagnostic], color: bool = False) -> str:
    """``count  CODE  [*] name`` per rule, as ``ruff check --statistics``; ``[*]`` when all are fixable
    (``[-]`` when some are)."""
    rows = statistics(diagnostics)
    width = max((len(str(n)) for _, _, n, _ in rows), default=1)
    out = []
    for code, name, n, fixable in rows:
        mark = "[*]" if fixable == n else "[-]" if fixable else "   "
        if color and fixable:
            mark = click.style(mark, fg="cyan")
        out.append(f"{n:>{width}}\t{click.style(code, fg='red', bold=True) if color else code}\t{mark} {name}")
    return "".join(line + "\n" for line in out)


def render_fixes(applied: Sequence[Diagnostic], paths: Callable[[str], str] = str, *, would: bool = False) -> str:
    """What ``fix`` changed (``--show-fixes``), per file and rule, as ruff lists it."""
    if not applied:
        return ("No fixes would be applied." if would else "No fixes applied.") + "\n"
    by_file: dict[str, Counter[tuple[str, str]]] = {}
    for d in sorted(applied, key=order):
        by_file.setdefault(d.path, Counter())[(d.code, d.name)] += 1
    out = [f"{'Would fix' if would else 'Fixed'} {plural(len(applied), 'finding')}:"]
    for path, counts in by_file.items():
        out.append(f"- {paths(path)}:")
        out.extend(f"    {n} × {code} ({name})" for (code, name), n in sorted(counts.items()))
    return "\n".join(out) + "\n"
