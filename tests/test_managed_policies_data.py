"""The AWS managed policy snapshot CDK205 reads, and the script that refreshes it.

The script is run for real: from a moto module written here (``--from-file``), and against a
package index on a closed loopback port to show that, without network, it stops with one line
and leaves the data file as it was. It never reaches the internet in these tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from remediator.analysis.iam import managed_policies

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "refresh_managed_policies.py"
DATA = ROOT / "remediator" / "data" / "aws-managed-policies.txt"


def _script(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, **env))


def _moto_module(path: Path, count: int) -> None:
    policies = {f"Policy{i:04d}": {"Path": "/", "UpdateDate": f"2026-01-{1 + i % 28:02d}T00:00:00+00:00"}
                for i in range(count)}
    policies["AWSLambdaBasicExecutionRole"] = {"Path": "/service-role/", "UpdateDate": "2026-02-03T10:00:00+00:00"}
    policies["AWSVPCFlowLogsServiceRolePolicy"] = {"Path": "/aws-service-role/", "CreateDate": "2025-05-05"}
    path.write_text("# Imported via `make aws_managed_policies`\n"
                    f"aws_managed_policies_data = \"\"\"\n{json.dumps(policies, indent=1)}\n\"\"\"\n")


def test_shipped_snapshot_names_its_source_and_date() -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    header = dict(line[2:].split(": ", 1) for line in lines if line.startswith("# ") and ": " in line)
    names = [line for line in lines if line and not line.startswith("#")]
    assert header["source"].startswith("moto ") and "PyPI" in header["source"]
    assert header["snapshot"][:4].isdigit() and int(header["count"]) == len(names) == len(set(names)) > 1000
    policies = managed_policies()
    assert policies.names == frozenset(names) and policies.snapshot == header["snapshot"].split(" ")[0]
    assert policies.attachable("service-role/AWSLambdaBasicExecutionRole")
    assert policies.attachable("AdministratorAccess")
    assert not policies.exists("service-role/VPCFlowLogsDeliveryRolePolicy")  # seed 004's invented policy
    assert policies.exists("aws-service-role/AWSVPCFlowLogsServiceRolePolicy")
    assert not policies.attachable("aws-service-role/AWSVPCFlowLogsServiceRolePolicy")


def test_refresh_from_a_local_copy_of_moto(tmp_path: Path) -> None:
    source, out = tmp_path / "aws_managed_policies.py", tmp_path / "policies.txt"
    _moto_module(source, 600)
    done = _script("--from-file", str(source), "--output", str(out))
    assert done.returncode == 0, done.stderr
    lines = out.read_text().splitlines()
    assert "# snapshot: 2026-02-03 (the newest policy update in the source)" in lines
    assert "# count: 602" in lines
    names = [line for line in lines if not line.startswith("#")]
    assert len(names) == 602 and "service-role/AWSLambdaBasicExecutionRole" in names
    assert "aws-service-role/AWSVPCFlowLogsServiceRolePolicy" in names
    assert names == sorted(names, key=str.lower)


def test_refresh_refuses_a_partial_list(tmp_path: Path) -> None:
    source, out = tmp_path / "aws_managed_policies.py", tmp_path / "policies.txt"
    _moto_module(source, 10)
    out.write_text("kept\n")
    done = _script("--from-file", str(source), "--output", str(out))
    assert done.returncode == 2 and done.stderr.startswith("error: only 12 policies in the source")
    assert out.read_text() == "kept\n"


def test_refresh_without_network_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "policies.txt"
    out.write_text("kept\n")
    done = _script("--output", str(out), "--pip-arg=--index-url=http://127.0.0.1:9/simple", "--pip-arg=--retries=0",
                   "--pip-arg=--timeout=2", "--pip-arg=--no-cache-dir", PIP_CONFIG_FILE=os.devnull)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: cannot download moto with pip")
    assert "--from-file" in done.stderr
    assert out.read_text() == "kept\n"
