"""CDK501-CDK505 through the runner, on real folders and git repositories: the file CDK505 creates
(in the diff, written by fix, its bytes the inline code), tags an app's entry file applies
(CDK502), and the seeds' recommendations on outputs and tags reached by `remediator fix`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from remediator.runner import Request, run

GOLDEN = Path(__file__).resolve().parent.parent / "golden"

HANDLER = ("import json\n\ndef handler(event, context):\n    body = json.dumps(event)\n"
           "    return {'statusCode': 200, 'body': body}\n")

STACK = textwrap.dedent('''\
    from aws_cdk import Stack
    from aws_cdk import aws_lambda as lambda_
    from constructs import Construct


    class ApiStack(Stack):
        def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
            super().__init__(scope, construct_id, **kwargs)
            lambda_.Function(
                self,
                "Orders",
                runtime=lambda_.Runtime.PYTHON_3_12,
                handler="index.handler",
                code=lambda_.Code.from_inline(CODE),
            )
''').replace("CODE", json.dumps(HANDLER))


def _git(repo: Path, *args: str, data: bytes | None = None) -> None:
    subprocess.run(["git", *args], cwd=repo, input=data, check=True, capture_output=True)


def test_inline_code_becomes_a_file_in_the_diff_and_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b"):
        (tmp_path / name / "stacks").mkdir(parents=True)
        (tmp_path / name / "stacks" / "api.py").write_text(STACK)
        _git(tmp_path / name, "init", "-q")
    monkeypatch.chdir(tmp_path / "a")
    request = dict(paths=["."], fix=True, unsafe_fixes=True, select=["CDK505"], jobs=1)
    diff = run(Request(diff=True, **request))
    assert not diff.errors, diff.errors
    patch = diff.patch.decode()
    assert "+++ b/stacks/lambda/orders/index.py" in patch and "new file mode 100644" in patch
    assert "(CDK505)" in patch  # the changelog entry is part of the same plan
    assert not (tmp_path / "a" / "stacks" / "lambda").exists()
    _git(tmp_path / "b", "apply", "-", data=diff.patch)

    fixed = run(Request(**request))
    assert not fixed.errors, fixed.errors
    created = tmp_path / "a" / "stacks" / "lambda" / "orders" / "index.py"
    assert created.read_text() == HANDLER  # the inline code, byte for byte
    for name in ("stacks/api.py", "stacks/lambda/orders/index.py", "CHANGELOG.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    stack = (tmp_path / "a" / "stacks" / "api.py").read_text()
    assert "from_inline" not in stack and "import os" in stack
    assert 'os.path.join(os.path.dirname(__file__), "lambda", "orders")' in stack
    assert "Move the inline code of 1 Lambda function to files in stacks/api.py (CDK505)" in \
        (tmp_path / "a" / "CHANGELOG.md").read_text()
    again = run(Request(**request))
    assert not again.errors and not again.changes  # nothing left to move


def test_without_unsafe_fixes_nothing_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "api.py").write_text(STACK)
    monkeypatch.chdir(tmp_path)
    result = run(Request(paths=["."], fix=True, select=["CDK505"], changelog=False, jobs=1))
    assert not result.errors and not result.changes
    assert [d.fix_available for d in result.diagnostics] == [True]
    assert (tmp_path / "api.py").read_text() == STACK and not (tmp_path / "lambda").exists()


UNTAGGED = textwrap.dedent('''\
    from aws_cdk import Stack
    from aws_cdk import aws_s3 as s3
    from constructs import Construct


    class DataStack(Stack):
        def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
            super().__init__(scope, construct_id, **kwargs)
            s3.Bucket(self, "Data")
''')

APP = textwrap.dedent('''\
    import aws_cdk as cdk
    from stacks.data import DataStack

    app = cdk.App()
    DataStack(app, "Data", stage="prod")
    cdk.Tags.of(app).add("Owner", "team-a")
    cdk.Tags.of(app).add(key="project", value="orders")
    app.synth()
''')


def test_tags_the_app_file_applies_count_for_its_stacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "stacks").mkdir()
    (tmp_path / "stacks" / "data.py").write_text(UNTAGGED)
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "cdk.json").write_text('{"app": "python3 app.py"}')
    monkeypatch.chdir(tmp_path)
    result = run(Request(paths=["stacks"], fix=True, select=["CDK502"], changelog=False, jobs=1))
    assert not result.errors, result.errors
    fixed = (tmp_path / "stacks" / "data.py").read_text()
    # Owner and Project come from app.py: only Environment is added, from the stage parameter
    assert 'Tags.of(self).add("Environment", stage)' in fixed
    assert "Owner" not in fixed and "Project" not in fixed
    assert result.diagnostics == []

    # without app.py's tags, Owner and Project are missing and have no value: reported
    (tmp_path / "app.py").write_text(APP.replace('cdk.Tags.of(app).add("Owner", "team-a")\n', ""))
    from remediator.source.cdk_app import _app_in, _tag_keys_in

    _app_in.cache_clear()
    _tag_keys_in.cache_clear()
    (tmp_path / "stacks" / "data.py").write_text(UNTAGGED)
    result = run(Request(paths=["stacks"], select=["CDK502"], jobs=1))
    (finding,) = result.diagnostics
    assert "no value for Owner: set it in [tool.remediator.rules.CDK502] tags" in finding.message
    assert finding.fixable  # Environment still is


SEED_CONFIG = textwrap.dedent('''\
    [tool.remediator]
    extend-select = ["CDK502"]
    changelog = "CHANGELOG.md"

    [tool.remediator.rules.CDK502]
    tags = { Owner = "platform-team", Project = "orders" }
''')


@pytest.mark.parametrize("seed", ["000-web-tier", "001-serverless-data", "004-api-platform"])
def test_the_seeds_outputs_and_tags_are_reached_by_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       seed: str) -> None:
    """Seed 000 asks for VPC and subnet id outputs, 001 for ARNs of buckets, tables, functions
    and keys and for tags, 004 for tags: `remediator fix` (CDK502 selected, tag values
    configured) writes them."""
    shutil.copy(GOLDEN / "seeds" / seed / "input.py", tmp_path / "stack.py")
    (tmp_path / "pyproject.toml").write_text(SEED_CONFIG)
    monkeypatch.chdir(tmp_path)
    result = run(Request(paths=["."], fix=True, jobs=1))
    assert not result.errors, result.errors
    fixed = (tmp_path / "stack.py").read_text()
    compile(fixed, "stack.py", "exec")
    outputs = {
        "000-web-tier": ['"AppVpcId", value=self.vpc.vpc_id', "self.vpc.public_subnets", "self.vpc.private_subnets",
                         '"DataKeyArn", value=self.key.key_arn'],
        "001-serverless-data": ['"VpcId", value=vpc.vpc_id', "vpc.private_subnets", "data_bucket.bucket_arn",
                                "table.table_arn", "processor.function_arn", "trail_key.key_arn"],
        "004-api-platform": ['"VpcId", value=vpc.vpc_id', "uploads.bucket_arn", "table.table_arn"],
    }[seed]
    missing = [o for o in outputs if o not in fixed]
    assert not missing, missing
    tags = ['.add("Owner", "platform-team")', '.add("Project", "orders")']
    if seed == "004-api-platform":  # the stack names its environment (CDK201 gives it a default first)
        tags.append('.add("Environment", env_name)')
    assert all(t in fixed for t in tags), fixed
    log = (tmp_path / "CHANGELOG.md").read_text()
    assert "(CDK501)" in log and "(CDK502)" in log
    assert run(Request(paths=["."], fix=True, jobs=1)).changes == []  # converged


def test_outputs_are_added_without_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CDK501 is on by default; CDK502-CDK504 are not."""
    shutil.copy(GOLDEN / "seeds" / "000-web-tier" / "input.py", tmp_path / "stack.py")
    monkeypatch.chdir(tmp_path)
    result = run(Request(paths=["."], fix=True, changelog=False, jobs=1))
    assert not result.errors
    codes = {d.code for r in result.results for d in r.applied} | {d.code for d in result.diagnostics}
    assert "CDK501" in codes and not codes & {"CDK502", "CDK503", "CDK504"}
    assert os.path.exists(tmp_path / "stack.py")
