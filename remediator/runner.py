"""One run over a set of paths: discover, process files (in parallel), plan, then write or diff.

The run's plan is one list of changes (path, old bytes, new bytes, mode) for the stacks and the
changelogs (:mod:`remediator.output.changes`): ``fix --diff`` prints it and ``fix`` writes it, so
the diff is what ``fix`` writes. ``fix --verify`` plans (``diff=True``), verifies the plan, then
writes it with :func:`write_plan`. Workers only read and compute; the parent process does every
write, each file atomically, and writes nothing for a file whose processing failed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import multiprocessing
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from remediator.analysis.engine import FileResult, RunOptions, process_source
from remediator.analysis.rule import Rule
from remediator.output import changelog as changelog_mod
from remediator.output.changes import Change, git_mode, render_patch, write
from remediator.output.files import WriteError, sigterm_as_exit
from remediator.output.report import RUN
from remediator.source.cdk_app import find_app
from remediator.source.config import Config, ConfigError, Configurations, select_rules
from remediator.source.discovery import discover
from remediator.source.reading import read_bytes
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
    #: Python whose aws-cdk-lib is the API ground truth (``--cdk-python``; wins over the setting)
    cdk_python: str | None = None
    #: give each finding its fix as text replacements (``Diagnostic.edits``): machine formats only
    fix_edits: bool = False
    #: called with (files done, files in all) as files are processed
    progress: Callable[[int, int], None] | None = None


@dataclass
class RunResult:
    root: str
    results: list[FileResult] = field(default_factory=list)
    #: (path, message) for inputs that could not be read, parsed, fixed or written
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    #: what ``fix`` writes (or, with ``--diff``, would write): stacks, then changelogs
    changes: list[Change] = field(default_factory=list)
    rules: list[type[Rule]] = field(default_factory=list)
    config: Config | None = None
    request: Request | None = None
    #: each processed file's changelog (its display path -> the changelog's absolute path)
    changelog_of: dict[str, str] = field(default_factory=dict)

    @property
    def patch(self) -> bytes:
        """The plan as one git-style patch (what ``fix --diff`` prints)."""
        return render_patch(self.changes)

    @property
    def changelog_path(self) -> str | None:
        return next((c.path for c in self.changes if c.kind == "changelog"), None)

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
    """The work tree of the git repository ``start`` is in: the nearest folder at or above it with
    a ``.git`` (a folder, or a file for worktrees and submodules). Found by looking, not through
    pygit2.discover_repository, which (pygit2 1.21) leaks a reference to None on every miss and
    aborts a long-lived process (the language server, a test run) after a few dozen runs."""
    folder = os.path.realpath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


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
#: per configuration group (see ``Group``): the rule instances and options of its files
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
    return process_source(data, shown, rules, options, find_app(abspath))


class WorkerDied(Exception):
    """A worker process ended during the run (killed, e.g. by the OOM killer, or crashed)."""


def _map_watching(pool: Any, workers: list[multiprocessing.Process], items: list[tuple[str, str, int]],
                  chunksize: int, progress: Callable[[int, int], None]) -> list[FileResult]:
    """``pool.imap`` of chunks of ``items``, except that a worker that dies ends the wait: Pool
    would wait forever for its tasks."""
    chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
    # one chunk per task (IMapIterator.next then takes a timeout); the function is passed along, as
    # pool.map passes it, so that the workers run the one this module holds at the time of the call
    pending = pool.imap(functools.partial(_process_chunk, _process_path), chunks)
    results: list[FileResult] = []
    while len(results) < len(items):
        try:
            results.extend(pending.next(0.2))
        except multiprocessing.TimeoutError:
            dead = [w for w in workers if w.exitcode is not None]
            if dead:
                code = dead[0].exitcode or 0
                raise WorkerDied(f"killed by signal {-code}" if code < 0 else f"exit status {code}") from None
            continue
        progress(len(results), len(items))
    return results


def _process_chunk(process: Callable[[tuple[str, str, int]], FileResult],
                   items: list[tuple[str, str, int]]) -> list[FileResult]:
    return [process(item) for item in items]


def run(req: Request) -> RunResult:
    """Carry out a check or fix request. Raises ConfigError for configuration problems."""
    with sigterm_as_exit():  # SIGTERM unwinds like Ctrl-C: workers stopped, no temporary file left
        return _run(req)


@dataclass
class Group:
    """The files that share one configuration, and what it resolves to for this run."""

    cfg: Config
    rules: list[type[Rule]]
    options: RunOptions


def resolve_group(req: Request, conf: Config, configs: Configurations, root: str,
                  rules: Sequence[type[Rule]]) -> Group:
    """What a configuration comes to for this request: its rules and the engine's options."""
    selected = select_rules(rules, conf, req.select, req.ignore, req.extend_select)
    unsafe = conf.unsafe_fixes if req.unsafe_fixes is None else req.unsafe_fixes
    settings = dict(conf.settings)
    if req.cdk_python:
        settings["cdk-python"] = req.cdk_python
    elif settings.get("cdk-python") and not os.path.isabs(settings["cdk-python"]):
        # relative to the configuration that sets it, like its other paths
        settings["cdk-python"] = os.path.join(configs.base_folder(conf, root), settings["cdk-python"])
    return Group(conf, selected, RunOptions(fix=req.fix, unsafe_fixes=unsafe, settings=settings, project_root=root,
                                             fix_edits=req.fix_edits))


def _run(req: Request) -> RunResult:
    paths = list(req.paths) or ["."]
    root = repository_root(paths)
    out = RunResult(root=root, request=req)
    rules = all_rules()
    configs = Configurations(paths[0] if os.path.exists(paths[0]) else os.getcwd(), req.config_path, rules)
    out.config = configs.first
    groups: list[Group] = []
    group_of: dict[int, int] = {}  # id(Config) -> index in groups

    def group_for(conf: Config) -> int:
        if id(conf) not in group_of:
            group_of[id(conf)] = len(groups)
            groups.append(resolve_group(req, conf, configs, root, rules))
        return group_of[id(conf)]

    group_for(configs.first)
    found = discover(paths, root=configs.base_folder(configs.first, root), exclude=configs.first.exclude,
                     repo_root=root)
    out.errors.extend((display_path(os.path.abspath(p), root), message) for p, message in found.errors)
    # one item per real file: a symlink to a file that is also found otherwise would be written twice
    real_seen: set[str] = set()
    files = [f for f in found.files if not (os.path.realpath(f) in real_seen or real_seen.add(os.path.realpath(f)))]
    named = {os.path.abspath(p) for p in paths if os.path.isfile(p)}
    items: list[tuple[str, str, int]] = []
    for f in files:
        conf = configs.for_file(f)
        if conf is not configs.first and f not in named and configs.excluded(f, conf):
            continue
        items.append((f, display_path(f, root), group_for(conf)))
    out.rules = [r for r in rules if any(r in g.rules for g in groups)]
    specs = [([(r.code, g.cfg.rule_options.get(r.code, {})) for r in g.rules], g.options) for g in groups]
    try:
        results = _process_all(items, specs, req.jobs if req.jobs is not None else (os.cpu_count() or 1),
                               req.progress)
    except WorkerDied as exc:
        out.errors.append((RUN, f"a worker process died ({exc}); nothing was written"))
        return out
    out.results = results
    for r in results:
        out.errors.extend((r.path, e) for e in r.errors)
        out.warnings.extend((r.path, w) for w in r.warnings)
    if req.fix:
        abspaths = {i[1]: i[0] for i in items}
        log_of = out.changelog_of = {i[1]: configs.changelog_path(groups[i[2]].cfg, root, req.changelog_path)
                                     for i in items}
        stacks = []
        for r in sorted(out.changed_files, key=lambda r: r.path):
            created = _new_files(r, abspaths[r.path], root)
            if created is None:
                out.errors.append((r.path, "not fixed: a fix would create a file that already exists"))
                r.errors.append("a fix would create a file that already exists")
                continue
            stacks.extend(created)  # before the stack that needs them
            stacks.append(Change(abspaths[r.path], r.path, r.original, r.fixed, git_mode(abspaths[r.path])))
        out.changes = stacks + _changelog_changes(req, out, stacks, log_of)
        if not req.diff:
            write_plan(out)
    return out


def write_plan(result: RunResult) -> None:
    """Write a fix run's plan (``result.changes``, planned with ``diff=True`` or about to be written
    by :func:`run`): the stacks, each after the files its fixes create, then the changelogs.
    Afterwards ``result.changes`` is what was written; what could not be is in ``result.errors``."""
    assert result.request is not None
    _write_plan(result.request, result, [c for c in result.changes if c.kind != "changelog"], result.changelog_of)


def _new_files(result: FileResult, abspath: str, root: str) -> list[Change] | None:
    """The files a file's fixes create, as changes; None when one of them exists already (then
    nothing of that file's fix is written)."""
    out = []
    for rel, content in sorted(result.new_files.items()):
        path = os.path.normpath(os.path.join(os.path.dirname(abspath), rel))
        if os.path.lexists(path):
            return None
        out.append(Change(path, display_path(path, root), None, content, None, kind="created"))
    return out


def _process_all(items: list[tuple[str, str, int]], specs: list[GroupSpec], jobs: int,
                 progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
    """Each file's result, in ``items`` order (in worker processes for large runs); raises
    :class:`WorkerDied` when a worker process ended during the run."""
    progress = progress or (lambda done, total: None)
    if jobs <= 1 or len(items) < PARALLEL_THRESHOLD:
        _init_worker(specs)
        results = []
        for item in items:
            results.append(_process_path(item))
            progress(len(results), len(items))
        return results
    others = set(multiprocessing.active_children())
    # forkserver: workers are forked from a clean single-threaded server, never from this process
    # (a fork of a process with threads can inherit a held lock and hang forever)
    if "forkserver" in multiprocessing.get_all_start_methods():
        mp = multiprocessing.get_context("forkserver")
        # the server imports the engine and every rule once; each worker is forked with them loaded
        # (instead of importing them again: about 0.4 s per worker and run)
        mp.set_forkserver_preload(["remediator.runner", "remediator.transforms.preload"])
    else:  # pragma: no cover - platforms without fork
        mp = multiprocessing.get_context("spawn")
    pool = mp.Pool(jobs, initializer=_init_pool_worker, initargs=(specs, os.getpid()))
    workers = [p for p in multiprocessing.active_children() if p not in others]
    try:
        results = _map_watching(pool, workers, items, chunksize=max(1, len(items) // (jobs * 8)), progress=progress)
        pool.close()
        return results
    except BaseException:  # interrupted (Ctrl-C, SIGTERM) or failed: stop the workers now
        pool.terminate()
        raise
    finally:
        pool.join()


def _changelog_changes(req: Request, out: RunResult, stacks: list[Change], log_of: dict[str, str]) -> list[Change]:
    """One entry per changelog (a file's configuration may name its own), naming the given stacks."""
    if not req.changelog:
        return []
    fixed = {r.path: r for r in out.changed_files}
    by_log: dict[str, list[FileResult]] = {}
    for c in stacks:
        if c.kind == "stack":
            by_log.setdefault(log_of[c.shown], []).append(fixed[c.shown])
    changes = []
    for log_path, done in sorted(by_log.items()):
        shown = display_path(log_path, out.root)
        try:
            old = read_bytes(log_path) if os.path.exists(log_path) else None
            entry = changelog_mod.bullets({r.path: r.fixed_counts for r in done}, {r.code: r for r in all_rules()},
                                          {r.path: [(d.code, d.note) for d in r.applied if d.note] for r in done})
            new = changelog_mod.insert(None if old is None else old.decode("utf-8"), entry).encode("utf-8")
        except UnicodeDecodeError:
            out.errors.append((shown, "changelog is not UTF-8; entry not added"))
            continue
        except OSError as exc:
            out.errors.append((shown, f"cannot read changelog: {exc.strerror or exc}"))
            continue
        if new != old:
            changes.append(Change(log_path, shown, old, new, git_mode(log_path) if old is not None else None,
                                  kind="changelog"))
    return changes


def _write_plan(req: Request, out: RunResult, stacks: list[Change], log_of: dict[str, str]) -> None:
    """Write the stacks (each after the files its fixes create), then the changelogs. A stack that
    cannot be written, or whose created file cannot, is reported and left as it was; the changelog
    entries then name only the stacks that were written."""
    written: list[Change] = []
    pending: list[Change] = []  # files created for the next stack
    failed = False  # one of them could not be created
    for change in stacks:
        try:
            if change.kind == "created":
                if not failed:
                    write(change)
                    pending.append(change)
                continue
            if failed:
                raise WriteError("a file its fix creates could not be written")
            write(change)
        except (WriteError, OSError) as exc:
            out.errors.append((change.shown, f"not written: {exc}"))
            for r in out.results:
                if r.path == change.shown:
                    r.errors.append(str(exc))
            if change.kind == "created":
                failed = True
                continue
            for created in pending:  # the stack stays as it was: so does the folder
                with contextlib.suppress(OSError):
                    os.unlink(created.path)
        else:
            written.extend(pending + [change])
        pending, failed = [], False
    logs = [c for c in out.changes if c.kind == "changelog"]
    if len(written) != len(stacks):
        logs = _changelog_changes(req, out, written, log_of)
    out.changes = written
    for change in logs:
        try:
            write(change)
        except (WriteError, OSError) as exc:
            out.errors.append((change.shown, f"changelog not written: {exc}"))
        else:
            out.changes.append(change)


__all__ = ["Request", "RunResult", "run", "write_plan", "ConfigError"]
