"""Finding what to synthesize (no synth here): the app's folder, entry point, context and interpreter,
the versions of the app (on disk plus an overlay) and the files a work tree changed since a commit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from remediator.verify.app import (VerifyError, choose_python, find_app, find_app_dir, parse_context_options,
                                   python_candidates)
from remediator.verify.command import GitError, changes_since
from remediator.verify.snapshot import Snapshot


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "init.defaultBranch=main",
                           *args], cwd=repo, check=True, capture_output=True, text=True).stdout


# -- context, as the CDK CLI merges it ----------------------------------------------------------------
def test_context_command_line_wins_over_cdk_json_over_cdk_context_json(tmp_path) -> None:
    _write(tmp_path / "cdk.json", json.dumps({"app": "python3 app.py", "context": {"stage": "dev", "team": "a"}}))
    _write(tmp_path / "cdk.context.json", json.dumps({"team": "cached", "vpc-provider:x": {"vpcId": "vpc-1"}}))
    app = find_app(str(tmp_path), context=parse_context_options(["stage=prod", "url=https://x/?a=b"]))
    assert app.context["stage"] == "prod"  # -c
    assert app.context["url"] == "https://x/?a=b"  # split at the first '='
    assert app.context["team"] == "a"  # cdk.json over cdk.context.json
    assert app.context["vpc-provider:x"] == {"vpcId": "vpc-1"}
    # the CLI's own switches, with its defaults; bundling off (no Docker when verifying)
    assert app.context["aws:cdk:enable-path-metadata"] is True
    assert app.context["aws:cdk:enable-asset-metadata"] is True
    assert app.context["aws:cdk:bundling-stacks"] == []


def test_cdk_json_settings_turn_the_cli_switches_off(tmp_path) -> None:
    _write(tmp_path / "cdk.json", json.dumps({"app": "python3 app.py", "pathMetadata": False,
                                              "versionReporting": False}))
    context = find_app(str(tmp_path)).context
    assert "aws:cdk:enable-path-metadata" not in context
    assert context["aws:cdk:disable-version-reporting"] is True and "aws:cdk:version-reporting" not in context


@pytest.mark.parametrize("option", ["novalue", "=x", "aws:cdk:enable-path-metadata=false"])
def test_bad_context_options_are_refused(option) -> None:
    with pytest.raises(VerifyError):
        parse_context_options([option])


def test_app_option_overrides_the_entry_point(tmp_path, monkeypatch) -> None:
    _write(tmp_path / "cdk.json", '{"app": "python3 app.py"}')
    _write(tmp_path / "infra" / "main.py", "")
    assert find_app(str(tmp_path), app="infra/main.py").target == str(tmp_path / "infra" / "main.py")
    monkeypatch.chdir(tmp_path / "infra")  # a path relative to the working directory
    assert find_app(str(tmp_path), app="main.py").target == str(tmp_path / "infra" / "main.py")
    module = find_app(str(tmp_path), app="python -m infra.main --x")
    assert (module.kind, module.target, module.argv) == ("module", "infra.main", ["--x"])
    with pytest.raises(VerifyError, match="no such file"):
        find_app(str(tmp_path), app="python3 missing.py")


def test_app_folder_is_the_nearest_cdk_json_inside_the_work_tree(tmp_path) -> None:
    git(tmp_path, "init", "-q")
    _write(tmp_path / "infra" / "cdk.json", '{"app": "python3 app.py"}')
    stack = _write(tmp_path / "infra" / "stacks" / "s.py", "")
    assert find_app_dir(str(stack)) == str(tmp_path / "infra")
    assert find_app_dir(str(tmp_path / "infra" / "stacks")) == str(tmp_path / "infra")
    # no cdk.json at or above: the path's own folder (which then needs an app.py)
    assert find_app_dir(str(tmp_path)) == str(tmp_path)


# -- the interpreter that has aws-cdk-lib -----------------------------------------------------------
def test_interpreter_order_and_a_bare_venv_has_no_aws_cdk_lib(tmp_path) -> None:
    bare = tmp_path / "app" / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    _write(tmp_path / "app" / "cdk.json", '{"app": ".venv/bin/python app.py"}')
    app = find_app(str(tmp_path / "app"))
    candidates = python_candidates(app)
    assert candidates[0] == str(bare / "bin" / "python")  # named by the app command
    assert sys.executable in candidates
    # the first candidate with aws-cdk-lib wins: not the bare venv, this interpreter (test extras)
    python, version = choose_python(app)
    assert python == sys.executable and version == "2.275.0"
    # a chosen interpreter (or venv folder) is the only candidate
    assert python_candidates(app, str(bare)) == [str(bare / "bin" / "python")]
    with pytest.raises(VerifyError) as info:
        choose_python(app, str(bare))
    assert info.value.kind == "no-aws-cdk-lib" and str(bare / "bin" / "python") in str(info.value)
    with pytest.raises(VerifyError) as info:
        choose_python(app, str(tmp_path / "missing-python"))
    assert info.value.kind == "no-python"


# -- versions of the app ------------------------------------------------------------------------------
def test_snapshot_copies_the_work_tree_and_applies_the_overlay(tmp_path) -> None:
    git(tmp_path, "init", "-q")
    app = tmp_path / "infra"
    _write(app / "app.py", "OLD\n")
    _write(app / "gone.py", "x\n")
    _write(tmp_path / "shared" / "lib.py", "LIB\n")
    _write(app / ".venv" / "big.bin", "not copied")
    overlay = {str(app / "app.py"): b"NEW\n", str(app / "gone.py"): None, str(app / "added.py"): b"A\n",
               str(tmp_path / "shared" / "lib.py"): b"LIB2\n", str(tmp_path / "CHANGELOG.md"): b"log"}
    snap = Snapshot.of(str(app), overlay)
    assert snap.copy_root == str(tmp_path) and snap.ignored == [str(tmp_path / "CHANGELOG.md")]
    with snap.materialize() as folder:
        assert folder != str(app) and os.path.basename(folder) == "infra"
        assert Path(folder, "app.py").read_text() == "NEW\n"
        assert not Path(folder, "gone.py").exists() and Path(folder, "added.py").read_text() == "A\n"
        assert Path(folder, os.pardir, "shared", "lib.py").read_text() == "LIB2\n"  # siblings come along
        assert not Path(folder, ".venv").exists()
    assert not os.path.exists(folder)
    assert (app / "app.py").read_text() == "OLD\n" and (app / "gone.py").exists()  # the user's files
    with Snapshot.of(str(app)).materialize() as folder:
        assert folder == str(app)  # nothing to change: in place
    with pytest.raises(VerifyError) as info:
        Snapshot.of(str(app), {str(tmp_path.parent / "elsewhere.py"): b""})
    assert info.value.kind == "outside-app"


def test_changes_since_a_commit(tmp_path) -> None:
    git(tmp_path, "init", "-q")
    _write(tmp_path / ".gitignore", "cdk.out/\n")
    _write(tmp_path / "keep.py", "same\n")
    _write(tmp_path / "edit.py", "v1\n")
    _write(tmp_path / "delete.py", "bye\n")
    _write(tmp_path / "staged.py", "s1\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    _write(tmp_path / "edit.py", "v2\n")
    (tmp_path / "delete.py").unlink()
    _write(tmp_path / "staged.py", "s2\n")
    git(tmp_path, "add", "staged.py")
    _write(tmp_path / "new_staged.py", "n\n")
    git(tmp_path, "add", "new_staged.py")
    _write(tmp_path / "untracked.py", "u\n")
    _write(tmp_path / "cdk.out" / "ignored.json", "{}")
    status = git(tmp_path, "status", "--porcelain")
    assert changes_since(str(tmp_path), "HEAD") == {
        str(tmp_path / "edit.py"): b"v1\n", str(tmp_path / "delete.py"): b"bye\n",
        str(tmp_path / "staged.py"): b"s1\n", str(tmp_path / "new_staged.py"): None,
        str(tmp_path / "untracked.py"): None,
    }
    assert git(tmp_path, "status", "--porcelain") == status  # nothing in the repository changed
    with pytest.raises(GitError, match="unknown git revision 'nope'"):
        changes_since(str(tmp_path), "nope")


def test_a_relative_interpreter_is_taken_from_the_working_directory(tmp_path, monkeypatch) -> None:
    """The app runs in its own folder: a relative --cdk-python must not be looked up there."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "tools" / "venv")], check=True)
    _write(tmp_path / "app" / "app.py", "")
    monkeypatch.chdir(tmp_path / "tools")
    app = find_app(str(tmp_path / "app"))
    assert python_candidates(app, "venv") == [str(tmp_path / "tools" / "venv" / "bin" / "python")]
    assert python_candidates(app, "venv/bin/python") == [str(tmp_path / "tools" / "venv" / "bin" / "python")]


def test_finding_the_breaking_file_is_bounded_and_skips_documents(tmp_path) -> None:
    from remediator.verify.verification import find_breaking_files

    _write(tmp_path / "app.py", "")
    before = Snapshot.of(str(tmp_path))
    after = Snapshot.of(str(tmp_path), {str(tmp_path / "b.py"): b"1", str(tmp_path / "a.py"): b"2",
                                        str(tmp_path / "CHANGELOG.md"): b"log", str(tmp_path / "cdk.json"): b"{}"})
    # over the budget: nothing is synthesized, and what was not tried is said
    result = find_breaking_files(before, after, None, {}, {}, max_synths=0)
    assert result.tried == [] and result.culprits == []
    assert result.not_tried == [str(tmp_path / "a.py"), str(tmp_path / "b.py"), str(tmp_path / "cdk.json")]
    assert not result.together
    assert result.describe(str(tmp_path)) == "not found within 0 synths (not tried: a.py, b.py, cdk.json)"
    # one file that synthesis reads: it is the culprit without a synth, named with its rules
    one = Snapshot.of(str(tmp_path), {str(tmp_path / "a.py"): b"2", str(tmp_path / "CHANGELOG.md"): b"log"})
    result = find_breaking_files(before, one, None, {}, {}, applied={str(tmp_path / "a.py"): ["CDK302", "CDK302"]},
                                 after_error="boom")
    assert [(c.path, c.rules, c.error) for c in result.culprits] == [(str(tmp_path / "a.py"), ["CDK302"], "boom")]
    assert result.describe(str(tmp_path)) == "a.py (CDK302)"


def test_without_cfn_lint_the_replacement_check_says_how_to_install_it(tmp_path) -> None:
    """cfn-lint is the `verify` extra: a Python where it cannot be imported gets one line, no synth."""
    _write(tmp_path / "app.py", "")
    code = ("import sys; sys.modules['cfnlint'] = None\n"  # as if it were not installed
            "from remediator.verify import verify_change\n"
            f"v = verify_change({str(tmp_path)!r}, {{}})\n"
            "print(v.cannot_run.kind); print(v.blocks_write())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "no-cfn-lint"
    assert out[1].startswith("not written: synthesis cannot run: the replacement check needs cfn-lint's resource schemas")
    assert out[1].endswith("install them with pip install 'remediator[verify]'")
