"""CDK101 and alpha modules that aws-cdk-lib now ships as stable modules: moved (unsafe) only when the
project can not import the alpha package; one it declares or installs is its own choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from remediator.api import get_index
from remediator.runner import Request, run

STACK = '''\
from aws_cdk import Stack
from aws_cdk.aws_apigatewayv2_integrations_alpha import WebSocketLambdaIntegration


class ChatStack(Stack):
    def __init__(self, scope, construct_id, handler, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.integration = WebSocketLambdaIntegration("Connect", handler)
'''


@pytest.fixture()
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if get_index(None, str(tmp_path)).site_packages is None:
        pytest.skip("no aws-cdk-lib installed: what is installed beside it is unknown")
    (tmp_path / "chat_stack.py").write_text(STACK)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _codes(unsafe: bool) -> tuple[list[str], str]:
    result = run(Request(paths=["."], fix=True, unsafe_fixes=unsafe, changelog=False, select=["CDK101"], jobs=1))
    assert not result.errors
    return [d.code for d in result.diagnostics], Path("chat_stack.py").read_text()


def test_not_installed_nor_declared_is_moved_with_unsafe_fixes_only(app: Path) -> None:
    codes, text = _codes(unsafe=False)
    assert codes == ["CDK101"] and text == STACK
    _, text = _codes(unsafe=True)
    assert "from aws_cdk.aws_apigatewayv2_integrations import WebSocketLambdaIntegration" in text


@pytest.mark.parametrize("file, line", [
    ("requirements.txt", "aws-cdk.aws-apigatewayv2-integrations-alpha==2.100.0a0\n"),
    ("pyproject.toml", '[project]\ndependencies = ["aws_cdk.aws_apigatewayv2_integrations_alpha"]\n'),
])
def test_a_declared_alpha_package_is_left_alone(app: Path, file: str, line: str) -> None:
    (app / file).write_text(line)
    codes, text = _codes(unsafe=True)
    assert codes == [] and text == STACK
