"""CDK207 and CDK209 on real folders, through ``remediator.runner.run``: asset paths are looked up
in the app's folder (the folder of cdk.json) or beside the file, and test files get no
placeholder findings. Golden cases cannot show this: their files have no location."""

from __future__ import annotations

import textwrap
from pathlib import Path

from remediator.runner import Request, run

STACK = textwrap.dedent('''\
    import os

    from aws_cdk import Stack
    from aws_cdk import aws_certificatemanager as acm
    from aws_cdk import aws_lambda as lambda_
    from constructs import Construct

    HERE = os.path.dirname(os.path.abspath(__file__))


    class ApiStack(Stack):
        def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
            super().__init__(scope, construct_id, **kwargs)
            lambda_.Code.from_asset("lambda/api")
            lambda_.Code.from_asset("handlers")
            lambda_.Code.from_asset(os.path.join(HERE, "handlers"))
            lambda_.Code.from_asset(os.path.join(os.path.dirname(__file__), "..", "lambda", "gone"))
            acm.Certificate(self, "Cert", domain_name="api.example.com")
''')


def _findings(root: Path, code: str) -> list[str]:
    result = run(Request(paths=[str(root)], select=[code], jobs=1))
    assert not result.errors, result.errors
    return sorted(f"{Path(d.path).as_posix()}:{d.line}: {d.message}" for r in result.results for d in r.diagnostics)


def _app(root: Path) -> Path:
    (root / "cdk.json").write_text('{"app": "python3 app.py"}\n')
    (root / "lambda" / "api").mkdir(parents=True)
    (root / "lambda" / "api" / "index.py").write_text("def handler(event, context):\n    return event\n")
    stacks = root / "stacks"
    (stacks / "handlers").mkdir(parents=True)
    (stacks / "handlers" / "index.py").write_text("def handler(event, context):\n    return event\n")
    (stacks / "api.py").write_text(STACK)
    return stacks / "api.py"


def test_asset_paths_are_looked_up_in_the_app_folder_and_beside_the_file(tmp_path: Path) -> None:
    _app(tmp_path)
    found = _findings(tmp_path, "CDK207")
    assert len(found) == 2, found
    # "handlers" exists beside the stack module only: CDK reads it from the app's folder
    assert 'stacks/api.py:15: asset path "handlers" does not exist in the app\'s folder (where cdk.json is)' in found[0]
    assert 'use os.path.join(os.path.dirname(__file__), "handlers")' in found[0]
    # the __file__-based path is taken from the file's folder: ../lambda/gone is missing
    assert found[1].startswith('stacks/api.py:17: asset path "../lambda/gone" does not exist beside this file')
    # lambda/api (app folder) and HERE/handlers (beside the file) exist: no finding


def test_without_cdk_json_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    stack = _app(tmp_path)
    (tmp_path / "cdk.json").unlink()
    found = _findings(tmp_path, "CDK207")
    assert [f.split(": ", 1)[0] for f in found] == ["stacks/api.py:14", "stacks/api.py:17"], found
    assert 'asset path "lambda/api" does not exist beside this file' in found[0]
    assert stack.exists()


def test_placeholders_are_found_in_stacks_but_not_in_test_files(tmp_path: Path) -> None:
    _app(tmp_path)
    for name in ("tests/test_api.py", "test_stack.py", "stacks/api_test.py", "conftest.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(STACK)
    found = _findings(tmp_path, "CDK209")
    assert found == ['stacks/api.py:18: placeholder domain "api.example.com" in Certificate \'Cert\', domain_name: '
                     'certificates for it never validate (the deployment waits) and names on it lead nowhere; put the '
                     'real value there (or read it from context)'], found
