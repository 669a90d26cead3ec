"""Golden cases: how one case is run, shared by the test-suite and ``--update-golden``.

Layout (see docs/ARCHITECTURE.md):

* ``golden/<CODE>-<name>/<case>.input.py`` — the input;
* ``<case>.expected.py`` — what ``fix`` makes of it (equal to the input when nothing may change);
* ``<case>.findings.txt`` — what ``check`` reports on the input, one ``line:col: CODE message [*]``
  per finding (proves detection, also for report-only rules);
* ``<case>.expected.diff`` — optional: the unified diff ``fix --diff`` prints for the case;
* ``<case>.toml`` — optional ``[tool.remediator]``-style settings for the case (``select``,
  ``unsafe-fixes``, ``rules.CODE.option``...). Without ``select``, only the folder's rule runs;
* ``<case>.cdk.json`` (and ``<case>.cdk.context.json``) — optional: the case's CDK app sets them.

``golden/seeds/<seed>/`` holds one whole CDK app per review document (``input/``, ``expected/``,
``expected.diff``, ``expected-unsafe/``...); tests/test_seed_scenarios.py runs them.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from remediator.api import BUNDLED_VERSION, ApiIndex, bundled_bytes
from remediator.output import changelog as changelog_mod
from remediator.source.cdk_app import NO_APP, CdkApp, app_from
from remediator.source.config import Config, parse_table, select_rules
from remediator.analysis.engine import FileResult, RunOptions, process_source
from remediator.output.patch import make_patch
from remediator.output.report import text_line
from remediator.transforms import all_rules


@dataclass
class Case:
    folder: str
    name: str

    @property
    def input(self) -> str:
        return os.path.join(self.folder, f"{self.name}.input.py")

    @property
    def expected(self) -> str:
        return os.path.join(self.folder, f"{self.name}.expected.py")

    @property
    def findings(self) -> str:
        return os.path.join(self.folder, f"{self.name}.findings.txt")

    @property
    def diff(self) -> str:
        return os.path.join(self.folder, f"{self.name}.expected.diff")

    @property
    def options(self) -> str:
        return os.path.join(self.folder, f"{self.name}.toml")

    @property
    def cdk_json(self) -> str:
        return os.path.join(self.folder, f"{self.name}.cdk.json")

    @property
    def cdk_context_json(self) -> str:
        return os.path.join(self.folder, f"{self.name}.cdk.context.json")

    def app(self) -> CdkApp:
        """The case's CDK app: ``<case>.cdk.json`` (and ``<case>.cdk.context.json``) when present."""
        if not os.path.exists(self.cdk_json):
            return NO_APP
        with open(self.cdk_json, encoding="utf-8") as fh:
            data = json.load(fh)
        context = None
        if os.path.exists(self.cdk_context_json):
            with open(self.cdk_context_json, encoding="utf-8") as fh:
                context = json.load(fh)
        return app_from(data, self.folder, context)

    @property
    def id(self) -> str:
        return f"{os.path.basename(self.folder)}/{self.name}"


def rule_cases(golden_root: str) -> list[Case]:
    out = []
    for folder in sorted(os.listdir(golden_root)):
        path = os.path.join(golden_root, folder)
        if not os.path.isdir(path) or not folder.startswith("CDK"):
            continue
        for f in sorted(os.listdir(path)):
            if f.endswith(".input.py"):
                out.append(Case(path, f[: -len(".input.py")]))
    return out


def case_config(case: Case) -> Config:
    table: dict = {}
    if os.path.exists(case.options):
        with open(case.options, "rb") as fh:
            table = tomllib.load(fh)
    if "select" not in table:
        table["select"] = [os.path.basename(case.folder).split("-", 1)[0]]
    return parse_table(table, case.options, all_rules())


#: golden results must not depend on the aws-cdk-lib installed: they are judged against the
#: index bundled with remediator, as if aws-cdk-lib 2.275.0 were installed (not in the cautious
#: mode a run falls back to when none is found; tests/test_api_index.py covers that mode)
BUNDLED_API = ApiIndex(bundled_bytes(), f"aws-cdk-lib {BUNDLED_VERSION} (bundled index, pinned for golden cases)")
#: ... installed into a site-packages that holds no separately installed (alpha) packages
_EMPTY_SITE = tempfile.TemporaryDirectory(prefix="remediator-golden-site-")  # removed when the run ends
BUNDLED_API.site_packages = _EMPTY_SITE.name


def run_case(source: bytes, cfg: Config, fix: bool, path: str = "stack.py", app: CdkApp = NO_APP) -> FileResult:
    rules = [r(cfg.rule_options.get(r.code, {})) for r in select_rules(all_rules(), cfg)]
    options = RunOptions(fix=fix, unsafe_fixes=cfg.unsafe_fixes, settings=dict(cfg.settings), api=BUNDLED_API)
    return process_source(source, path, rules, options, app)


def findings_text(result: FileResult) -> str:
    lines = [text_line(d).split(":", 1)[1] for d in sorted(result.diagnostics, key=lambda d: (d.line, d.column, d.code))]
    return "".join(line + "\n" for line in lines)


def case_diff(path: str, old: bytes, new: bytes) -> bytes:
    return make_patch(path, old, new) if old != new else b""


def changelog_entry(result: FileResult) -> str:
    sections = changelog_mod.bullets({result.path: result.fixed_counts}, {r.code: r for r in all_rules()},
                                     {result.path: [(d.code, d.note) for d in result.applied if d.note]})
    return changelog_mod.insert("# Changelog\n\n## [Unreleased]\n", sections)
