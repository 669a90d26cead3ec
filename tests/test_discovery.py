"""Which files a run looks at, and which it may change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from remediator.source.discovery import ALWAYS_SKIPPED, discover
from remediator.source.reading import imports_aws_cdk
from remediator.runner import Request, run

STACK = 'from aws_cdk import aws_kms as kms\n\nkms.Key(None, "K")\n'


def write(path: Path, text: str = STACK) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def found(root: Path, *paths: str, exclude: tuple[str, ...] = (), repo_root: Path | None = None) -> list[str]:
    out = discover([str(root / p) for p in paths] or [str(root)], root=str(root), exclude=exclude,
                   repo_root=str(repo_root) if repo_root else None)
    assert out.errors == []
    return [Path(f).relative_to(root).as_posix() for f in out.files]


def test_recursion_only_python_files(tmp_path: Path) -> None:
    for name in ("app.py", "stacks/a.py", "stacks/deep/er/b.py", "stacks/readme.md", "stacks/c.pyi", "stacks/d.pyc",
                 "lib/e.py"):
        write(tmp_path / name)
    assert found(tmp_path) == ["app.py", "lib/e.py", "stacks/a.py", "stacks/deep/er/b.py"]
    assert found(tmp_path, "stacks") == ["stacks/a.py", "stacks/deep/er/b.py"]


@pytest.mark.parametrize("folder", ["cdk.out", ".venv", "venv", "node_modules", ".git", "__pycache__"])
def test_always_skipped_folders(tmp_path: Path, folder: str) -> None:
    assert folder in ALWAYS_SKIPPED
    write(tmp_path / folder / "x.py")
    write(tmp_path / "app" / folder / "nested.py")
    write(tmp_path / "app" / "stack.py")
    assert found(tmp_path) == ["app/stack.py"]


def test_explicit_files_are_always_taken(tmp_path: Path) -> None:
    write(tmp_path / ".gitignore", "ignored.py\n")
    write(tmp_path / "ignored.py")
    write(tmp_path / "cdk.out" / "asset.py")
    write(tmp_path / "script")  # no .py suffix: taken when named
    assert found(tmp_path) == []
    assert found(tmp_path, "ignored.py", "cdk.out/asset.py", "script") == ["cdk.out/asset.py", "ignored.py", "script"]


def test_duplicates_are_removed(tmp_path: Path) -> None:
    write(tmp_path / "app" / "a.py")
    assert found(tmp_path, "app", "app/a.py", ".") == ["app/a.py"]


def test_root_gitignore(tmp_path: Path) -> None:
    write(tmp_path / ".gitignore", "# comment\ngenerated/\n*_pb2.py\n/top_only.py\n!keep_pb2.py\n")
    for name in ("generated/g.py", "app/generated/g2.py", "app/x_pb2.py", "app/keep_pb2.py", "top_only.py",
                 "app/top_only.py", "app/stack.py"):
        write(tmp_path / name)
    assert found(tmp_path) == ["app/keep_pb2.py", "app/stack.py", "app/top_only.py"]


def test_nested_gitignore_applies_below_its_folder(tmp_path: Path) -> None:
    write(tmp_path / "app" / ".gitignore", "local.py\nbuild_out/\n")
    for name in ("local.py", "app/local.py", "app/sub/local.py", "app/build_out/x.py", "app/stack.py"):
        write(tmp_path / name)
    assert found(tmp_path) == ["app/stack.py", "local.py"]


def test_gitignore_above_the_given_folder(tmp_path: Path) -> None:
    """`remediator check app` in a repository honours the root .gitignore (as git does)."""
    write(tmp_path / ".gitignore", "app/generated/\n")
    write(tmp_path / "app" / ".gitignore", "*.tmp.py\n")
    for name in ("app/generated/g.py", "app/stacks/s.py", "app/stacks/x.tmp.py"):
        write(tmp_path / name)
    out = discover([str(tmp_path / "app" / "stacks"), str(tmp_path / "app")], root=str(tmp_path),
                   repo_root=str(tmp_path))
    assert [Path(f).relative_to(tmp_path).as_posix() for f in out.files] == ["app/stacks/s.py"]
    # a folder that is itself ignored but named explicitly is walked, like an explicitly named file
    assert found(tmp_path, "app/generated", repo_root=tmp_path) == ["app/generated/g.py"]


def test_exclude_patterns(tmp_path: Path) -> None:
    for name in ("app/a.py", "app/legacy/b.py", "tests/test_x.py"):
        write(tmp_path / name)
    assert found(tmp_path, exclude=("legacy/", "tests/")) == ["app/a.py"]
    assert found(tmp_path, exclude=("app/*.py",)) == ["app/legacy/b.py", "tests/test_x.py"]


def test_missing_paths_are_errors_and_the_rest_is_found(tmp_path: Path) -> None:
    write(tmp_path / "app" / "a.py")
    out = discover([str(tmp_path / "nope"), str(tmp_path / "app"), "also-missing.py"], root=str(tmp_path))
    assert out.errors == [(str(tmp_path / "nope"), "no such file or directory"),
                          ("also-missing.py", "no such file or directory")]
    assert out.files == [str(tmp_path / "app" / "a.py")]


def test_symlink_outside_is_reported_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.py")
    write(tmp_path / "proj" / "a.py")
    os.symlink(outside, tmp_path / "proj" / "link.py")
    os.symlink(outside.parent, tmp_path / "proj" / "linkdir")
    out = discover([str(tmp_path / "proj")], root=str(tmp_path / "proj"))
    assert out.files == [str(tmp_path / "proj" / "a.py")]
    assert sorted(p for p, _ in out.errors) == [str(tmp_path / "proj" / "link.py"), str(tmp_path / "proj" / "linkdir")]


@pytest.mark.parametrize("source, expected", [
    ("from aws_cdk import aws_s3 as s3\n", True),
    ("import aws_cdk as cdk\n", True),
    ("import aws_cdk.aws_s3 as s3\n", True),
    ("from aws_cdk.aws_s3 import Bucket\n", True),
    ("import os, aws_cdk\n", True),
    ("def f():\n    from aws_cdk import aws_kms\n", True),
    ("from aws_cdk import (\n    Stack,\n)\n", True),
    ("import aws_cdk_lib_helpers\n", False),
    ("from aws_cdkx import y\n", False),
    ("from constructs import Construct\n", False),
    ("# from aws_cdk import aws_s3\nx = 1\n", False),
    ("s = 'import aws_cdk'\n", False),
])
def test_imports_aws_cdk(source: str, expected: bool) -> None:
    if expected:
        assert imports_aws_cdk(source)  # the fast text prefilter never misses a real import
    # the decision that counts: is the file analysed at all?
    from remediator.analysis.engine import RunOptions, process_source
    from remediator.transforms import rule_by_code

    rule = rule_by_code("CDK301")
    assert rule is not None
    result = process_source((source + 'kms.Key(None, "K")\n').encode(), "x.py", [rule()], RunOptions())
    assert (result.skipped != "does not import aws_cdk") is expected


def test_files_without_aws_cdk_are_never_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # looks like a stack, but kms is a local class: nothing may change, not even through a fix run
    fake = ("class kms:\n    @staticmethod\n    def Key(*a, **k):\n        return a\n\n\n"
            "kms.Key(None, 'K')\n# aws_cdk is mentioned only in this comment\n")
    write(tmp_path / "fake.py", fake)
    write(tmp_path / "real.py", STACK)
    write(tmp_path / "pyproject.toml", '[tool.remediator]\nselect = ["CDK301"]\n')
    monkeypatch.chdir(tmp_path)
    result = run(Request(paths=["."], fix=True, changelog=False))
    assert result.errors == []
    assert (tmp_path / "fake.py").read_text() == fake
    assert "enable_key_rotation=True" in (tmp_path / "real.py").read_text()
    by_path = {r.path: r for r in result.results}
    assert by_path["fake.py"].skipped == "does not import aws_cdk"
    assert by_path["fake.py"].diagnostics == []
