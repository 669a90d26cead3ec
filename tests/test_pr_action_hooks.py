"""The GitHub Action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml) at the repository root.

The Action's script is run as GitHub runs a composite step: its `env:` expressions evaluated from
the inputs, then `bash -e` on its text, against the test repository and API server of
tests/pr_world.py (the install step is replaced by a link to this environment's remediator).
The hooks' entries run as pre-commit runs them: the entry, then the staged file names.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import yaml

from pr_world import REMEDIATOR, STACK, STACK_FIXED, TOKEN, World, git, show, world  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent


def load(name: str):
    return yaml.safe_load((ROOT / name).read_text())


# -- the Action ---------------------------------------------------------------------------------------


def _evaluate(value: str, inputs: dict[str, str], github: dict[str, str]) -> str:
    """The `${{ inputs.x }}` / `${{ github.x }}` expressions GitHub evaluates in a step's env (nothing else used)."""
    def one(m: re.Match[str]) -> str:
        scope, _, key = m.group(1).strip().partition(".")
        table = {"inputs": inputs, "github": github}[scope]
        return table[key]
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


def run_action_step(world: World, with_: dict[str, str], github: dict[str, str]) -> subprocess.CompletedProcess[str]:
    action = load("action.yml")
    github = {"token": TOKEN, "api_url": world.server.url, "repository": "acme/infra", **github}
    inputs = {k: _evaluate(v.get("default", ""), {}, github) for k, v in action["inputs"].items()}
    inputs.update(with_)
    (step,) = [s for s in action["runs"]["steps"] if "remediator/bin/remediator" in s.get("run", "")]
    runner_temp = world.tmp / "runner-temp"
    (runner_temp / "remediator" / "bin").mkdir(parents=True, exist_ok=True)
    link = runner_temp / "remediator" / "bin" / "remediator"
    if not link.exists():
        link.symlink_to(REMEDIATOR)
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
    env.update({k: _evaluate(v, inputs, github) for k, v in step["env"].items()})
    env["RUNNER_TEMP"] = str(runner_temp)
    assert step["shell"] == "bash"
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=world.work, env=env, capture_output=True, text=True,
                          timeout=120)


def test_action_is_composite_installs_remediator_and_runs_remediator_pr() -> None:
    action = load("action.yml")
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install = next(s for s in steps if "pip" in s.get("run", ""))
    assert '"$GITHUB_ACTION_PATH"' in install["run"]  # the Action's own checkout, at the ref the workflow uses
    run = next(s for s in steps if "remediator/bin/remediator" in s.get("run", ""))
    assert 'args=(pr "$REMEDIATOR_PATH"' in run["run"]
    # inputs are never spliced into the script's text (script injection): only into its environment
    assert "${{" not in run["run"] and "${{" not in install["run"]
    assert run["env"]["GITHUB_TOKEN"] == "${{ inputs.token }}"
    assert action["inputs"]["token"]["default"] == "${{ github.token }}"


def test_action_step_opens_the_pull_request_with_labels(world: World) -> None:
    world.github_origin()  # the repository is read from origin's URL, as after actions/checkout
    proc = run_action_step(world, {"labels": " security , remediator,", "args": "--branch-prefix bot/"}, {})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "opened pull request #1: https://github.example/acme/infra/pull/1"
    assert TOKEN not in proc.stdout + proc.stderr
    assert world.server.calls[1].body["head"] == "bot/main"
    assert world.server.pulls[1].labels == ["security", "remediator"]
    assert show(world, "bot/main", "app/storage.py") == STACK_FIXED.rstrip("\n")


def test_action_step_passes_base_path_and_dry_run(world: World) -> None:
    git(world.work, "push", "-q", "origin", "main:release")
    proc = run_action_step(world, {"base": "release", "path": "app", "args": "--dry-run"}, {})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("branch: remediator/release\n")
    assert world.server.calls == []


def test_action_step_fails_with_one_line_without_a_token(world: World) -> None:
    proc = run_action_step(world, {"token": ""}, {})
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: no GitHub token") and proc.stderr.count("\n") == 1


# -- the pre-commit hooks ------------------------------------------------------------------------------


def hooks() -> dict[str, dict]:
    return {h["id"]: h for h in load(".pre-commit-hooks.yaml")}


def test_hook_definitions() -> None:
    found = hooks()
    assert set(found) == {"remediator-fix", "remediator-check"}
    assert found["remediator-fix"]["entry"] == "remediator fix --exit-non-zero-on-fix"
    assert found["remediator-check"]["entry"] == "remediator check"
    for hook in found.values():
        assert hook["language"] == "python" and hook["types"] == ["python"]


def run_hook(hook_id: str, repo: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    """As pre-commit runs a hook: its entry (the console script this package installs) plus file names."""
    entry = shlex.split(hooks()[hook_id]["entry"])
    assert entry[0] == "remediator"
    return subprocess.run([str(REMEDIATOR), *entry[1:], *files], cwd=repo, capture_output=True, text=True,
                          timeout=120)


def test_fix_hook_fails_when_it_modified_files_and_passes_once_they_are_fixed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    (repo / "app").mkdir()
    (repo / "app" / "storage.py").write_text(STACK)
    (repo / "app" / "plain.py").write_text("print('no cdk here')\n")
    (repo / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK301"]\n')
    git(repo, "add", "-A")

    check = run_hook("remediator-check", repo, ["app/storage.py", "app/plain.py"])
    assert check.returncode == 1 and "CDK301" in check.stdout

    fixed = run_hook("remediator-fix", repo, ["app/storage.py", "app/plain.py"])
    assert fixed.returncode == 1, fixed.stderr  # it modified files: pre-commit reports a failure
    assert (repo / "app" / "storage.py").read_text() == STACK_FIXED
    changed = git(repo, "diff", "--name-only")
    assert changed.splitlines() == ["app/storage.py"]  # tracked files changed (the new changelog is untracked)
    assert (repo / "CHANGELOG.md").exists()

    git(repo, "add", "-A")
    again = run_hook("remediator-fix", repo, ["app/storage.py", "app/plain.py"])
    assert again.returncode == 0, again.stderr
    assert git(repo, "diff", "--name-only") == ""
    assert run_hook("remediator-check", repo, ["app/storage.py", "app/plain.py"]).returncode == 0
