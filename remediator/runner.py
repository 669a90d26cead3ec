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

from remediator.output import changelog as changelog_mod
from remediator.source.config import Config, ConfigError, find_pyproject, load_config, select_rules
from remediator.source.discovery import discover
from remediator.analysis.engine import FileResult, RunOptions, process_source
from remediator.output.patch import make_patch
from remediator.analysis.rule import Rule
from remediator.output.files import WriteError, atomic_write, read_bytes, sigterm_as_exit
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


def _git_top_level(start: str) -> str | None:
    try:
        found = pygit2.discover_repository(start)
    except (pygit2.GitError, KeyError, OSError):  # pragma: no cover - unusual git layouts
        return None
    if not found:
        return None
    try:
        workdir = pygit2.Repository(found).workdir
    except pygit2.GitError:  # pragma: no cover
        return None
    return os.path.realpath(workdir) if workdir else None


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def repository_root(paths: Sequence[str]) -> str:
    """The root that diff paths and the default changelog are relative to.

    The working directory's git top level when every path lies inside it (so ``git apply`` at
    the root reproduces the fix from any subfolder); else the git top level of the first path;
    else the working directory when the paths lie inside it; else the first path's folder. Fixing
    files of another repository never touches the changelog of the one you stand in.
    """
    cwd = os.path.realpath(os.getcwd())
    targets = [os.path.realpath(p) for p in paths] or [cwd]
    here = _git_top_level(cwd)
    if here is not None and all(_inside(t, here) for t in targets):
        return here
    first = targets[0] if os.path.isdir(targets[0]) else os.path.dirname(targets[0])
    there = _git_top_level(first)
    if there is not None:
        return there
    if all(_inside(t, cwd) for t in targets):
        return cwd
    return first


def display_path(abspath: str, root: str) -> str:
    rel = os.path.relpath(os.path.realpath(abspath), root)
    if rel.startswith(".."):
        return abspath.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


# -- workers --------------------------------------------------------------------------------
#: per configuration group (see ``_Group``): the rule instances and options of its files
_worker_groups: list[tuple[list[Rule], RunOptions]] = []

GroupSpec = tuple[list[tuple[str, dict[str, Any]]], RunOptions]


def _init_worker(groups: list[GroupSpec]) -> None:
    global _worker_groups
    by_code = {r.code: r for r in all_rules()}
    _worker_groups = [([by_code[c](opts) for c, opts in specs], options) for specs, options in groups]


def _init_pool_worker(groups: list[GroupSpec], parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent decides (workers never write)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the parent's SIGTERM handler (sigterm_as_exit) is inherited through fork and does not always
    # end a worker blocked on the task queue's lock: Pool.terminate() would then wait for it forever
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _init_worker(groups)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (even by SIGKILL) exits instead of waiting forever."""
    while True:
        try:
            os.kill(parent, 0)  # the run's process (with forkserver it is not our parent)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # pragma: no cover - pid reused by another user's process
            os._exit(1)
        time.sleep(0.2)


def _process_path(item: tuple[str, str, int]) -> FileResult:
    abspath, shown, group = item
    rules, options = _worker_groups[group]
    try:
        data = read_bytes(abspath)
    except OSError as exc:
        return FileResult(path=shown, errors=[f"cannot read file: {exc.strerror or exc}"])
    return process_source(data, shown, rules, options)


class WorkerDied(Exception):
    """A worker process ended during the run (killed, e.g. by the OOM killer, or crashed)."""


def _map_watching(pool: Any, workers: list[multiprocessing.Process], items: list[tuple[str, str, int]],
                  chunksize: int) -> list[FileResult]:
    """``pool.map``, except that a worker that dies ends the wait: Pool would wait forever for its tasks."""
    pending = pool.map_async(_process_path, items, chunksize=chunksize)
    while not pending.ready():
        pending.wait(0.2)
        dead = [w for w in workers if w.exitcode is not None]
        if dead and not pending.ready():
            code = dead[0].exitcode or 0
            raise WorkerDied(f"killed by signal {-code}" if code < 0 else f"exit status {code}")
    return pending.get()


def run(req: Request) -> RunResult:
    """Carry out a check or fix request. Raises ConfigError for configuration problems."""
    with sigterm_as_exit():  # SIGTERM unwinds like Ctrl-C: workers stopped, no temporary file left
        return _run(req)


@dataclass
class _Group:
    """The files that share one configuration, and what it resolves to for this run."""

    cfg: Config
    rules: list[type[Rule]]
    options: RunOptions


def _run(req: Request) -> RunResult:
    paths = list(req.paths) or ["."]
    root = repository_root(paths)
    out = RunResult(root=root)
    rules = all_rules()
    cfg = load_config(paths[0] if os.path.exists(paths[0]) else os.getcwd(), req.config_path, rules)
    out.config = cfg
    groups: list[_Group] = []
    group_of: dict[str | None, int] = {}  # configuration file -> index in groups

    def group_for(conf: Config) -> int:
        if conf.path not in group_of:
            selected = select_rules(rules, conf, req.select, req.ignore, req.extend_select)
            unsafe = conf.unsafe_fixes if req.unsafe_fixes is None else req.unsafe_fixes
            options = RunOptions(fix=req.fix, unsafe_fixes=unsafe, settings=dict(conf.settings), project_root=root)
            group_of[conf.path] = len(groups)
            groups.append(_Group(conf, selected, options))
        return group_of[conf.path]

    out.unsafe_fixes = groups[group_for(cfg)].options.unsafe_fixes

    found = discover(paths, root=_config_base(req, cfg, root), exclude=cfg.exclude,
                     repo_root=root)
    out.errors.extend(found.errors)
    # one item per real file: a symlink to a file that is also found otherwise would be written twice
    real_seen: set[str] = set()
    files = [f for f in found.files if not (os.path.realpath(f) in real_seen or real_seen.add(os.path.realpath(f)))]
    named = {os.path.abspath(p) for p in paths if os.path.isfile(p)}
    items: list[tuple[str, str, int]] = []
    nearest: dict[str, str | None] = {}  # folder -> its nearest configuration file
    for f in files:
        group = 0
        if not req.config_path:  # as in ruff: each file takes the nearest configuration above it
            folder = os.path.dirname(os.path.realpath(f))  # a symlinked file is shown, and configured, as its target
            if folder not in nearest:
                nearest[folder] = find_pyproject(folder)
            if nearest[folder] is not None and nearest[folder] != cfg.path:
                conf_path = nearest[folder]
                if conf_path not in group_of:
                    group_for(load_config(folder, None, rules))
                group = group_of[conf_path]
                own = groups[group].cfg
                if f not in named and own.exclude and _excluded(os.path.realpath(f), own):
                    continue
        items.append((f, display_path(f, root), group))
    out.rules = [r for r in rules if any(r in g.rules for g in groups)]
    specs = [([(r.code, g.cfg.rule_options.get(r.code, {})) for r in g.rules], g.options) for g in groups]
    jobs = req.jobs if req.jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(items) >= PARALLEL_THRESHOLD:
        others = set(multiprocessing.active_children())
        # forkserver: workers are forked from a clean single-threaded server, never from this process
        # (a fork of a process with threads can inherit a held lock and hang forever)
        mp = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                         else "spawn")
        pool = mp.Pool(jobs, initializer=_init_pool_worker, initargs=(specs, os.getpid()))
        workers = [p for p in multiprocessing.active_children() if p not in others]
        try:
            results = _map_watching(pool, workers, items, chunksize=max(1, len(items) // (jobs * 8)))
            pool.close()
        except WorkerDied as exc:
            pool.terminate()
            out.errors.append(("remediator", f"a worker process died ({exc}); nothing was written"))
            return out
        except BaseException:  # interrupted (Ctrl-C, SIGTERM) or failed: stop the workers now
            pool.terminate()
            raise
        finally:
            pool.join()
    else:
        _init_worker(specs)
        results = [_process_path(i) for i in items]
    out.results = results
    for r in results:
        out.errors.extend((r.path, e) for e in r.errors)
        out.warnings.extend((r.path, w) for w in r.warnings)

    if req.fix:
        _finish_fix(req, out, {i[1]: i[0] for i in items}, {i[1]: groups[i[2]].cfg for i in items})
    return out


def _excluded(abspath: str, cfg: Config) -> bool:
    """``abspath`` (or a folder above it, up to the configuration's folder) matches its ``exclude``."""
    import pathspec

    base = os.path.dirname(os.path.abspath(cfg.path or abspath))
    rel = os.path.relpath(abspath, base).replace(os.sep, "/")
    if rel.startswith(".."):
        return False
    spec = pathspec.GitIgnoreSpec.from_lines(cfg.exclude)
    parts = rel.split("/")
    return any(spec.match_file("/".join(parts[:i]) + "/") for i in range(1, len(parts))) or spec.match_file(rel)


def _finish_fix(req: Request, out: RunResult, abspaths: dict[str, str], configs: dict[str, Config]) -> None:
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

    # one entry per changelog: a file's configuration may name its own (`changelog = ...`)
    by_log: dict[str, list[FileResult]] = {}
    if done and req.changelog:
        for r in done:
            by_log.setdefault(_changelog_path(req, configs[r.path], out.root), []).append(r)
    for log_path, written in sorted(by_log.items()):
        _add_changelog_entry(req, out, log_path, written, patches)
    out.changelog_path = next(iter(sorted(by_log)), None)
    out.patch = b"".join(patches)


def _add_changelog_entry(req: Request, out: RunResult, log_path: str, done: list[FileResult],
                         patches: list[bytes]) -> None:
    log_old: bytes | None = None
    log_new: bytes | None = None
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
    if log_new is not None:
        shown = display_path(log_path, out.root)
        if req.diff:
            patches.append(make_patch(shown, log_old, log_new, _git_mode(log_path) if log_old is not None else None))
        else:
            try:
                atomic_write(log_path, log_new, expected=log_old)
            except (WriteError, OSError) as exc:
                out.errors.append((shown, f"changelog not written: {exc}"))


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
