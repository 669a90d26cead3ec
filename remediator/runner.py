"""One run over a set of paths: discover, process files (in parallel), then write, diff or report.

Workers only read and compute; the parent process does every write, each file atomically, and
writes nothing for a file whose processing failed.
"""

from __future__ import annotations

import os
import signal
import multiprocessing
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import pygit2

from remediator import changelog as changelog_mod
from remediator.config import Config, ConfigError, load_config, select_rules
from remediator.discovery import discover
from remediator.engine import FileResult, RunOptions, process_source
from remediator.patch import make_patch
from remediator.rule import Rule
from remediator.sourcefile import WriteError, atomic_write, read_bytes, sigterm_as_exit
from remediator.transforms import all_rules

#: below this many files, processing in-process is faster than starting workers
PARALLEL_THRESHOLD = 16


@dataclass
class Request:
    paths: Sequence[str]
    fix: bool = False
    diff: bool = False
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    extend_select: Sequence[str] = ()
    unsafe_fixes: bool | None = None
    changelog: bool = True
    changelog_path: str | None = None
    config_path: str | None = None
    jobs: int | None = None


@dataclass
class RunResult:
    root: str
    results: list[FileResult] = field(default_factory=list)
    #: (path, message) for inputs that could not be read, parsed, fixed or written
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    patch: bytes = b""
    changelog_path: str | None = None
    rules: list[type[Rule]] = field(default_factory=list)
    config: Config | None = None
    unsafe_fixes: bool = False

    @property
    def diagnostics(self):
        return [d for r in self.results for d in r.diagnostics]

    @property
    def fixed_total(self) -> int:
        return sum(sum(r.fixed_counts.values()) for r in self.results if r.changed and not r.failed)

    @property
    def changed_files(self) -> list[FileResult]:
        return [r for r in self.results if r.changed and not r.failed]


def repository_root(paths: Sequence[str]) -> str:
    """The git top level of the working directory (or of the first path), else the working directory."""
    for start in [os.getcwd(), *(os.path.abspath(p) for p in paths[:1])]:
        try:
            found = pygit2.discover_repository(start)
        except (pygit2.GitError, KeyError, OSError):  # pragma: no cover - unusual git layouts
            found = None
        if found:
            try:
                repo = pygit2.Repository(found)
            except pygit2.GitError:  # pragma: no cover
                continue
            if repo.workdir:
                return os.path.realpath(repo.workdir)
    return os.path.realpath(os.getcwd())


def display_path(abspath: str, root: str) -> str:
    rel = os.path.relpath(os.path.realpath(abspath), root)
    if rel.startswith(".."):
        return abspath.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


# -- workers --------------------------------------------------------------------------------
_worker_rules: list[Rule] = []
_worker_options: RunOptions | None = None


def _init_worker(rule_specs: list[tuple[str, dict[str, Any]]], options: RunOptions) -> None:
    global _worker_rules, _worker_options
    by_code = {r.code: r for r in all_rules()}
    _worker_rules = [by_code[c](opts) for c, opts in rule_specs]
    _worker_options = options


def _init_pool_worker(rule_specs: list[tuple[str, dict[str, Any]]], options: RunOptions, parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent decides (workers never write)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _init_worker(rule_specs, options)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (even by SIGKILL) exits instead of waiting forever."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _process_path(item: tuple[str, str]) -> FileResult:
    abspath, shown = item
    assert _worker_options is not None
    try:
        data = read_bytes(abspath)
    except OSError as exc:
        return FileResult(path=shown, errors=[f"cannot read file: {exc.strerror or exc}"])
    return process_source(data, shown, _worker_rules, _worker_options)


def run(req: Request) -> RunResult:
    """Carry out a check or fix request. Raises ConfigError for configuration problems."""
    with sigterm_as_exit():  # SIGTERM unwinds like Ctrl-C: workers stopped, no temporary file left
        return _run(req)


def _run(req: Request) -> RunResult:
    paths = list(req.paths) or ["."]
    root = repository_root(paths)
    out = RunResult(root=root)
    rules = all_rules()
    cfg = load_config(paths[0] if os.path.exists(paths[0]) else os.getcwd(), req.config_path, rules)
    out.config = cfg
    selected = select_rules(rules, cfg, req.select, req.ignore, req.extend_select)
    out.rules = selected
    unsafe = cfg.unsafe_fixes if req.unsafe_fixes is None else req.unsafe_fixes
    out.unsafe_fixes = unsafe
    options = RunOptions(fix=req.fix, unsafe_fixes=unsafe, settings=dict(cfg.settings), project_root=root)

    found = discover(paths, root=_config_base(req, cfg, root), exclude=cfg.exclude,
                     repo_root=root)
    out.errors.extend(found.errors)
    # one item per real file: a symlink to a file that is also found otherwise would be written twice
    by_real_path: dict[str, str] = {}
    for f in found.files:
        by_real_path.setdefault(os.path.realpath(f), f)
    items = [(f, display_path(f, root)) for f in by_real_path.values()]
    specs = [(r.code, cfg.rule_options.get(r.code, {})) for r in selected]
    jobs = req.jobs if req.jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(items) >= PARALLEL_THRESHOLD:
        pool = multiprocessing.Pool(jobs, initializer=_init_pool_worker, initargs=(specs, options, os.getpid()))
        try:
            results = pool.map(_process_path, items, chunksize=max(1, len(items) // (jobs * 8)))
            pool.close()
        except BaseException:  # interrupted (Ctrl-C, SIGTERM) or failed: stop the workers now
            pool.terminate()
            raise
        finally:
            pool.join()
    else:
        _init_worker(specs, options)
        results = [_process_path(i) for i in items]
    out.results = results
    for r in results:
        out.errors.extend((r.path, e) for e in r.errors)
        out.warnings.extend((r.path, w) for w in r.warnings)

    if req.fix:
        _finish_fix(req, cfg, out, {i[1]: i[0] for i in items})
    return out


def _finish_fix(req: Request, cfg: Config, out: RunResult, abspaths: dict[str, str]) -> None:
    patches: list[bytes] = []
    done = []  # files written (or, with --diff, that would be): the changelog entry names only these
    for r in sorted(out.changed_files, key=lambda r: r.path):
        assert r.fixed is not None
        if req.diff:
            patches.append(make_patch(r.path, r.original, r.fixed, _git_mode(abspaths[r.path])))
            done.append(r)
            continue
        try:
            atomic_write(abspaths[r.path], r.fixed, expected=r.original, verify=True)
        except (WriteError, OSError) as exc:
            out.errors.append((r.path, f"not written: {exc}"))
            r.errors.append(str(exc))
        else:
            done.append(r)

    log_path = None
    log_old: bytes | None = None
    log_new: bytes | None = None
    if done and req.changelog:
        log_path = _changelog_path(req, cfg, out.root)
        try:
            log_old = read_bytes(log_path) if os.path.exists(log_path) else None
            text = None if log_old is None else log_old.decode("utf-8")
            entry = changelog_mod.bullets({r.path: r.fixed_counts for r in done}, {r.code: r for r in all_rules()})
            new_text = changelog_mod.insert(text, entry)
            log_new = new_text.encode("utf-8")
            if log_new == log_old:
                log_new = None
        except UnicodeDecodeError:
            log_new = None
            out.errors.append((display_path(log_path, out.root), "changelog is not UTF-8; entry not added"))
        except OSError as exc:
            log_new = None
            out.errors.append((display_path(log_path, out.root), f"cannot read changelog: {exc.strerror or exc}"))
    out.changelog_path = log_path
    if log_path is not None and log_new is not None:
        shown = display_path(log_path, out.root)
        if req.diff:
            patches.append(make_patch(shown, log_old, log_new, _git_mode(log_path) if log_old is not None else None))
        else:
            try:
                atomic_write(log_path, log_new, expected=log_old)
            except (WriteError, OSError) as exc:
                out.errors.append((shown, f"changelog not written: {exc}"))
    out.patch = b"".join(patches)


def _config_base(req: Request, cfg: Config, root: str) -> str:
    """The folder that relative paths of the configuration (exclude, changelog) start from: the
    configuration file's folder, or the working directory for a file given with ``--config``
    (as ruff does), or the repository root when there is no configuration file."""
    if req.config_path:
        return os.getcwd()
    return os.path.dirname(os.path.abspath(cfg.path)) if cfg.path else root


def _changelog_path(req: Request, cfg: Config, root: str) -> str:
    if req.changelog_path:
        return os.path.abspath(req.changelog_path)
    if cfg.changelog:
        base = _config_base(req, cfg, root)
        return os.path.normpath(os.path.join(base, cfg.changelog))
    return os.path.join(root, "CHANGELOG.md")


def _git_mode(path: str) -> int | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return 0o100755 if st.st_mode & 0o111 else 0o100644


__all__ = ["Request", "RunResult", "run", "ConfigError"]
