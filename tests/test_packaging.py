"""The built wheel: rules installed as remediator.transforms, never as a bare `transforms`."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(__file__), os.pardir)


def test_wheel_maps_transforms_into_the_remediator_namespace(tmp_path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), ROOT], check=True, capture_output=True)
    (wheel,) = [f for f in os.listdir(tmp_path) if f.endswith(".whl")]
    names = zipfile.ZipFile(tmp_path / wheel).namelist()
    top_level = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top_level == {"remediator"}, top_level
    rule_modules = sorted(n for n in names if n.startswith("remediator/transforms/cdk"))
    repo_rules = sorted(f for f in os.listdir(os.path.join(ROOT, "transforms")) if f.startswith("cdk"))
    assert [os.path.basename(n) for n in rule_modules] == repo_rules
    assert "remediator/api/__init__.py" in names
    assert any(n.startswith("remediator/data/api-aws-cdk-lib-") for n in names), "bundled API index missing"
