"""``[tool.remediator]`` configuration and rule selection.

The nearest ``pyproject.toml`` above the first path (or ``--config PATH``) is read. Unknown keys,
unknown rule codes and wrong types are errors that name the key, never silently ignored.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from remediator.analysis.rule import Rule

#: Settings visible to every rule as ``ctx.settings`` (key -> (default, type)).
SETTINGS: dict[str, tuple[Any, type]] = {
    # default for environment context values (CDK201, CDK202, CDK304)
    "environment-default": ("dev", str),
    # Python interpreter, virtual environment or site-packages whose aws-cdk-lib is the API ground
    # truth for the CDK1xx rules (remediator.api); default: this interpreter, then the project's .venv/venv
    "cdk-python": (None, str),
    # an edited call that makes its line longer than this is laid out one argument per line;
    # default: `line-length` of [tool.ruff] or [tool.black] in the same pyproject.toml, else 100
    "line-length": (100, int),
}

def default_settings() -> dict[str, Any]:
    """The settings every run starts from (what a missing key means)."""
    return {k: default for k, (default, _) in SETTINGS.items()}


#: Top-level keys of [tool.remediator] (key -> type)
KEYS: dict[str, type | tuple[type, ...]] = {
    "select": list,
    "ignore": list,
    "extend-select": list,
    "unsafe-fixes": bool,
    "exclude": list,
    "extend-exclude": list,
    "changelog": str,
    "rules": dict,
    **{k: t for k, (_, t) in SETTINGS.items()},
}


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    exclude: list[str] = field(default_factory=list)
    changelog: str | None = None
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=default_settings)


def find_pyproject(start: str) -> str | None:
    """The nearest pyproject.toml with a [tool.remediator] table, at or above ``start``."""
    folder = os.path.abspath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            try:
                with open(candidate, "rb") as fh:
                    data = tomllib.load(fh)
            except (OSError, tomllib.TOMLDecodeError):
                data = None
            if data is None or "remediator" in data.get("tool", {}):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load_config(start: str, explicit: str | None, all_rules: Sequence[type[Rule]]) -> Config:
    path = explicit or find_pyproject(start)
    if path is None:
        return Config()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: error: configuration file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: error: cannot read configuration: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: error: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("remediator")
    if table is None:
        if explicit and os.path.basename(path) != "pyproject.toml":  # a dedicated file may hold the keys at top level
            table = data
        else:
            return Config(path=path)
    cfg = parse_table(table, path, all_rules)
    if "line-length" not in table:
        for tool in ("ruff", "black"):
            width = data.get("tool", {}).get(tool, {}).get("line-length")
            if isinstance(width, int) and not isinstance(width, bool) and width > 0:
                cfg.settings["line-length"] = width
                break
    return cfg


def parse_table(table: dict[str, Any], path: str, all_rules: Sequence[type[Rule]]) -> Config:
    cfg = Config(path=path)
    where = f"{path}: error: [tool.remediator]"
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{where} unknown key {key!r}")
        expected = KEYS[key]
        if (not isinstance(value, expected) or (expected is list and not all(isinstance(v, str) for v in value))
                or (expected is int and isinstance(value, bool))):
            kind = "a list of strings" if expected is list else getattr(expected, "__name__", str(expected))
            raise ConfigError(f"{where} key {key!r} must be {kind}")
    cfg.select = table.get("select")
    cfg.ignore = list(table.get("ignore", []))
    cfg.extend_select = list(table.get("extend-select", []))
    cfg.unsafe_fixes = bool(table.get("unsafe-fixes", False))
    cfg.exclude = list(table.get("exclude", [])) + list(table.get("extend-exclude", []))
    cfg.changelog = table.get("changelog")
    for key, (_, _) in SETTINGS.items():
        if key in table:
            cfg.settings[key] = table[key]
    for sel_key in ("select", "ignore", "extend-select"):
        for code in table.get(sel_key, []) or []:
            if not _matches(code, all_rules):
                raise ConfigError(f"{where} key {sel_key!r}: unknown rule code {code!r}")
    by_key = {r.code: r for r in all_rules} | {r.name: r for r in all_rules}
    for key, options in table.get("rules", {}).items():
        rule = by_key.get(key) or by_key.get(key.upper())
        if rule is None:
            raise ConfigError(f"{where}.rules: unknown rule {key!r}")
        if not isinstance(options, dict):
            raise ConfigError(f"{where}.rules.{key} must be a table")
        for opt, value in options.items():
            if opt not in rule.options:
                known = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(f"{where}.rules.{key}: unknown option {opt!r} (known: {known})")
            default = rule.options[opt]
            if default is not None and not _same_type(value, default):
                raise ConfigError(f"{where}.rules.{key}: option {opt!r} must be {type(default).__name__}")
        cfg.rule_options[rule.code] = dict(options)
    return cfg


def _same_type(value: Any, default: Any) -> bool:
    """``value`` fits an option whose default is ``default`` (bools are not ints; ints are floats)."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, list) and all(isinstance(v, str) for v in value) if all(
            isinstance(d, str) for d in default) else isinstance(value, list)
    return isinstance(value, type(default))


def split_codes(values: Iterable[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(c.strip() for c in v.split(",") if c.strip())
    return out


def _matches(selector: str, rules: Sequence[type[Rule]]) -> list[type[Rule]]:
    s = selector.strip()
    if s.upper() == "ALL":
        return list(rules)
    return [r for r in rules if r.code.startswith(s.upper()) or r.name == s.lower()]


def select_rules(all_rules: Sequence[type[Rule]], cfg: Config, select: Sequence[str] = (),
                 ignore: Sequence[str] = (), extend_select: Sequence[str] = ()) -> list[type[Rule]]:
    """Rules enabled by configuration and command line (the command line's --select wins)."""
    for s in [*select, *ignore, *extend_select]:
        if not _matches(s, all_rules):
            raise ConfigError(f"error: unknown rule code or prefix {s!r}")
    chosen_select = list(select) or cfg.select
    if chosen_select is None:
        enabled = {r.code for r in all_rules if r.default_enabled}
    else:
        enabled = {r.code for s in chosen_select for r in _matches(s, all_rules)}
    enabled |= {r.code for s in [*cfg.extend_select, *extend_select] for r in _matches(s, all_rules)}
    enabled -= {r.code for s in [*cfg.ignore, *ignore] for r in _matches(s, all_rules)}
    return [r for r in all_rules if r.code in enabled]


class Configurations:
    """The configuration of every file of a run, as in ruff: each file takes the nearest
    ``pyproject.toml`` with ``[tool.remediator]`` above it, or the file ``--config`` names for all.

    ``first`` is the configuration of the first path given (it decides discovery's ``exclude``);
    :meth:`for_file` loads each other configuration once.
    """

    def __init__(self, start: str, explicit: str | None, all_rules: Sequence[type[Rule]]) -> None:
        self.explicit = explicit
        self.rules = all_rules
        self.first = load_config(start, explicit, all_rules)
        self._loaded: dict[str | None, Config] = {self.first.path: self.first}
        self._nearest: dict[str, str | None] = {}  # folder -> its nearest configuration file

    def for_file(self, abspath: str) -> Config:
        if self.explicit:
            return self.first
        folder = os.path.dirname(os.path.realpath(abspath))  # a symlinked file is configured as its target
        if folder not in self._nearest:
            self._nearest[folder] = find_pyproject(folder)
        path = self._nearest[folder]
        if path is None:
            return self.first
        if path not in self._loaded:
            self._loaded[path] = load_config(folder, None, self.rules)
        return self._loaded[path]

    def base_folder(self, cfg: Config, root: str) -> str:
        """The folder relative paths of ``cfg`` (exclude, changelog) start from: the configuration
        file's folder, or the working directory for a ``--config`` file (as ruff does), or the
        repository root when there is no configuration file."""
        if self.explicit:
            return os.getcwd()
        return os.path.dirname(os.path.abspath(cfg.path)) if cfg.path else root

    @staticmethod
    def excluded(abspath: str, cfg: Config) -> bool:
        """``abspath`` (or a folder above it, up to the configuration's folder) matches its ``exclude``."""
        if not cfg.exclude:
            return False
        import pathspec

        base = os.path.dirname(os.path.abspath(cfg.path or abspath))
        rel = os.path.relpath(os.path.realpath(abspath), base).replace(os.sep, "/")
        if rel.startswith(".."):
            return False
        spec = pathspec.GitIgnoreSpec.from_lines(cfg.exclude)
        parts = rel.split("/")
        return any(spec.match_file("/".join(parts[:i]) + "/") for i in range(1, len(parts))) or spec.match_file(rel)

    def changelog_path(self, cfg: Config, root: str, override: str | None) -> str:
        """The changelog a file's entry goes to: ``--changelog``, the ``changelog`` setting, else
        ``CHANGELOG.md`` at the repository root."""
        if override:
            return os.path.abspath(override)
        if cfg.changelog:
            return os.path.normpath(os.path.join(self.base_folder(cfg, root), cfg.changelog))
        return os.path.join(root, "CHANGELOG.md")
