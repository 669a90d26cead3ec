"""The built wheel: rules installed as remediator.transforms, never as a bare `transforms`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(__file__), os.pardir)


def test_wheel_maps_transforms_into_the_remediator_namespace(tmp_path) -> None:
    # build from a copy: setuptools' build/ folder in the checkout may hold files of older layouts
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", ".ci",
                                                              "__pycache__", "golden", "tests"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), str(source)], check=True, capture_output=True)
    (wheel,) = [f for f in os.listdir(tmp_path) if f.endswith(".whl")]
    names = zipfile.ZipFile(tmp_path / wheel).namelist()
    top_level = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top_level == {"remediator"}, top_level
    rule_modules = sorted(n[len("remediator/transforms/"):] for n in names
                          if n.startswith("remediator/transforms/") and os.path.basename(n).startswith("cdk"))
    transforms = os.path.join(ROOT, "transforms")
    repo_rules = sorted(os.path.relpath(os.path.join(folder, f), transforms).replace(os.sep, "/")
                        for folder, _, files in os.walk(transforms) for f in files
                        if f.startswith("cdk") and f.endswith(".py"))
    assert rule_modules == repo_rules
    # every package folder of the repository is in the wheel (a new folder must be listed in pyproject.toml)
    for top, prefix in (("remediator", "remediator/"), ("transforms", "remediator/transforms/")):
        for folder, _, files in os.walk(os.path.join(ROOT, top)):
            if "__init__.py" in files:
                rel = os.path.relpath(folder, os.path.join(ROOT, top)).replace(os.sep, "/")
                init = prefix + ("" if rel == "." else rel + "/") + "__init__.py"
                assert init in names, f"package {folder} is not in the wheel: list it in pyproject.toml"
    assert "remediator/api/__init__.py" in names
    assert any(n.startswith("remediator/data/api-aws-cdk-lib-") for n in names), "bundled API index missing"
    assert "remediator/data/aws-managed-policies.txt" in names, "AWS managed policy snapshot (CDK205) missing"
