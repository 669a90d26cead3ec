"""benchmarks/precision.py counts findings per rule over a folder of apps, each with its own cdk.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "precision.py"

KEY_APP = '''\
import aws_cdk as cdk
from aws_cdk import aws_kms as kms, aws_s3 as s3
from constructs import Construct


class KeyStack(cdk.Stack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        kms.Key(self, "Key")
        s3.Bucket(self, "Data", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)


app = cdk.App()
KeyStack(app, "KeyStack")
app.synth()
'''

TABLE_STACK = '''\
from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


class TableStack(Stack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        dynamodb.Table(self, "Items",
                       partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
                       removal_policy=RemovalPolicy.DESTROY)
'''


def make_apps(root: Path) -> dict[Path, bytes]:
    """Two apps, each in its own folder with its own cdk.json, and a helper that is not CDK code.
    The configuration above them ignores the maintainability rules (outputs, tags...): the counts
    checked here are those of the security rules."""
    files = {
        root / "pyproject.toml": b'[tool.remediator]\nignore = ["CDK5"]\n',
        root / "keys" / "cdk.json": b'{"app": "python3 app.py", "context": {}}\n',
        root / "keys" / "app.py": KEY_APP.encode(),
        root / "tables" / "cdk.json": b'{"app": "python3 app.py"}\n',
        root / "tables" / "stacks" / "table_stack.py": TABLE_STACK.encode(),
        root / "tables" / "tools" / "helper.py": b"print('not CDK code')\n",
    }
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


#: the rules these tests count (new rule packs must not change the figures)
RULES = "CDK2,CDK3,CDK409,CDK410"


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, str(SCRIPT), *args, "--select", RULES], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc


def table_rows(stdout: str) -> dict[str, list[str]]:
    rows = {}
    for line in stdout.splitlines():
        cells = line.split()
        if cells and (cells[0].startswith("CDK") or cells[0] == "total"):
            rows[cells[0]] = cells
    return rows


def test_table_counts_findings_files_and_fixable_per_rule(tmp_path: Path) -> None:
    make_apps(tmp_path)
    out = run_script(str(tmp_path)).stdout
    assert "3 Python files, 2 analysed (import aws_cdk), 0 errors" in out
    rows = table_rows(out)
    # rule, name, findings, files, fixable, unsafe-only
    assert rows["CDK301"][1:] == ["kms-key-rotation", "1", "1", "1", "0"]
    assert rows["CDK303"][1:] == ["s3-enforce-ssl", "1", "1", "1", "0"]
    assert rows["CDK304"][1:] == ["retain-stateful-data", "1", "1", "1", "0"]
    assert rows["CDK302"][1:] == ["s3-block-public-access", "0", "0", "0", "0"]  # BLOCK_ALL is set
    assert rows["CDK409"][1:] == ["dynamodb-point-in-time-recovery", "1", "1", "1", "0"]
    assert rows["CDK410"][1:] == ["missing-alarms", "1", "1", "1", "0"]  # throttling alarms on the table
    assert rows["CDK201"][2:] == ["0", "0", "0", "0"]  # every rule that ran is listed
    assert "CDK101" not in rows and "CDK501" not in rows  # and only those
    assert rows["total"][1:] == ["5", "2", "5", "0"]


def test_list_prints_every_finding_relative_to_the_folder(tmp_path: Path) -> None:
    make_apps(tmp_path)
    out = run_script(str(tmp_path), "--list").stdout
    listed = [line for line in out.splitlines() if ": CDK" in line]
    assert listed == [
        "keys/app.py:9:9: CDK301 KMS key does not rotate its key material [*]",
        "keys/app.py:10:9: CDK303 S3 bucket does not deny plain-HTTP requests [*]",
        "tables/stacks/table_stack.py:9:9: CDK409 DynamoDB table has no point-in-time recovery [*]",
        "tables/stacks/table_stack.py:9:9: CDK410 DynamoDB table has no alarm on throttled requests [*]",
        "tables/stacks/table_stack.py:11:24: CDK304 Table is destroyed with its stack (RemovalPolicy.DESTROY): "
        "use RemovalPolicy.RETAIN [*]",
    ]


def test_fix_preview_counts_changed_files_per_app_and_writes_nothing(tmp_path: Path) -> None:
    files = make_apps(tmp_path)
    data = json.loads(run_script(str(tmp_path), "--fix-preview", "--json").stdout)
    (folder,) = data["folders"]
    assert folder["files"] == 3 and folder["analysed"] == 2 and folder["errors"] == []
    rules = {r["code"]: r for r in folder["rules"]}
    assert rules["CDK301"]["fixes"] == {"safe": 1, "unsafe": 1}
    assert rules["CDK301"]["fixed_files"] == {"safe": 1, "unsafe": 1}
    assert rules["CDK304"]["fixed_files"] == {"safe": 1, "unsafe": 1}
    assert rules["CDK302"]["fixed_files"] == {"safe": 0, "unsafe": 0}
    apps = {a["app"]: a for a in folder["apps"]}
    assert sorted(apps) == ["keys", "tables"]
    assert apps["keys"]["safe"]["changed"] == ["keys/app.py"]
    assert apps["keys"]["safe"]["fixes"] == {"CDK301": 1, "CDK303": 1}
    assert apps["tables"]["unsafe"]["changed"] == ["tables/stacks/table_stack.py"]
    assert apps["tables"]["safe"]["problems"] == []
    assert [f["code"] for f in folder["findings"]] == ["CDK301", "CDK303", "CDK409", "CDK410", "CDK304"]  # by position
    assert {r["code"]: r["findings"] for r in data["total"]["rules"]}["CDK304"] == 1
    for path, before in files.items():  # a preview: nothing written, no changelog created
        assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(p.name for p in files)


def test_fix_preview_table_counts_each_changed_file_once_in_the_total(tmp_path: Path) -> None:
    make_apps(tmp_path)
    out = run_script(str(tmp_path), "--fix-preview").stdout
    rows = table_rows(out)
    # ... fixable, unsafe-only, fixes, files-fixed, fixes-unsafe, files-fixed-unsafe
    assert rows["CDK301"][4:] == ["1", "0", "1", "1", "1", "1"]
    assert rows["CDK303"][4:] == ["1", "0", "1", "1", "1", "1"]
    # each file gets several rules' fixes: 5 fixes in 2 files
    assert rows["total"][1:] == ["5", "2", "5", "0", "5", "2", "5", "2"]
    assert "  keys: 1 / 1 (CDK301 1, CDK303 1)" in out.splitlines()
    assert "  tables: 1 / 1 (CDK304 1, CDK409 1, CDK410 1)" in out.splitlines()


def test_several_folders_are_summed(tmp_path: Path) -> None:
    make_apps(tmp_path / "a")
    make_apps(tmp_path / "b")
    out = run_script(str(tmp_path / "a"), str(tmp_path / "b")).stdout
    assert out.count("3 Python files, 2 analysed") == 2
    totals = out.split("== all folders: 6 Python files, 4 analysed, 0 errors")[1]
    assert table_rows(totals)["CDK301"][2:] == ["2", "2", "2", "0"]
    assert table_rows(totals)["total"][1:] == ["10", "4", "10", "0"]


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "nope")], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"{tmp_path / 'nope'}: error: not a folder"
