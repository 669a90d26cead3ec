"""`remediator server`: the language server, driven over stdio as an editor drives it (LSP JSON-RPC
with Content-Length framing): open a stack, receive its diagnostics, ask for the code actions,
apply one, and see the diagnostics go when the editor sends the fixed text."""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from test_cli import REMEDIATOR, make_project, write

pytest.importorskip("pygls", reason="the language server needs the lsp extra (pygls)")

#: an emoji before the keyword: LSP columns count UTF-16 units, where it takes two
STACK = '''\
from aws_cdk import Stack, aws_kms as kms
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        kms.Key(self, "Schlüssel😋", enable_key_rotation=False)
        kms.Key(
            self,
            "Logs",
        )
'''


class Client:
    """A minimal LSP client over a subprocess's stdin/stdout."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self.proc = proc
        self.buffer = b""
        self.next_id = 0
        self.notifications: list[dict[str, Any]] = []

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self, deadline: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while True:
            head, sep, rest = self.buffer.partition(b"\r\n\r\n")
            if sep:
                length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                                  if line.lower().startswith(b"content-length")))
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return json.loads(rest[:length])
            left = deadline - time.monotonic()
            assert left > 0, "no answer from the language server in time"
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                assert chunk, "the language server closed its output"
                self.buffer += chunk

    def request(self, method: str, params: Any, timeout: float = 120) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._read(deadline)
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message["result"]
            self.notifications.append(message)

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def notification(self, method: str, timeout: float = 120) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for i, message in enumerate(self.notifications):
                if message.get("method") == method:
                    return self.notifications.pop(i)["params"]
            self.notifications.append(self._read(deadline))


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits (0-based lines, UTF-16 columns) as an editor does."""
    lines = text.split("\n")

    def offset(pos: dict[str, int]) -> int:
        line = lines[pos["line"]]
        units, chars = 0, 0
        while units < pos["character"]:
            units += 2 if ord(line[chars]) > 0xFFFF else 1
            chars += 1
        return sum(len(ln) + 1 for ln in lines[:pos["line"]]) + chars

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


@pytest.fixture
def server(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    proc = subprocess.Popen([str(REMEDIATOR), "server"], cwd=tmp_path, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    client = Client(proc)
    try:
        yield client
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def test_diagnostics_and_a_code_action_over_stdio(tmp_path: Path, server: Client) -> None:
    project = make_project(tmp_path / "p")  # its pyproject.toml selects CDK301
    path = write(project / "app" / "stacks" / "keys.py", STACK)
    uri = path.as_uri()
    init = server.request("initialize", {"processId": os.getpid(), "rootUri": project.as_uri(), "capabilities": {}})
    assert init["serverInfo"]["name"] == "remediator"
    assert init["capabilities"]["codeActionProvider"]
    server.notify("initialized", {})

    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                            "text": STACK}})
    published = server.notification("textDocument/publishDiagnostics")
    assert published["uri"] == uri
    diagnostics = published["diagnostics"]
    assert [(d["code"], d["source"]) for d in diagnostics] == [("CDK301", "remediator")] * 2
    keyword = diagnostics[0]
    line = STACK.splitlines()[7]
    start = len(line[:line.index("enable_key_rotation")].encode("utf-16-le")) // 2
    assert keyword["range"] == {"start": {"line": 7, "character": start},
                                "end": {"line": 7, "character": start + len("enable_key_rotation=False")}}
    assert keyword["message"] == "KMS key does not rotate its key material"
    assert diagnostics[1]["range"]["start"] == {"line": 8, "character": 8}  # the call: nothing written to point at
    assert diagnostics[1]["range"]["end"] == {"line": 11, "character": 9}

    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": keyword["range"], "context": {"diagnostics": [keyword]}})
    assert [a["title"] for a in actions] == ["Fix CDK301 (kms-key-rotation)"]
    (change,) = actions[0]["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": 1}
    fixed_once = apply(STACK, change["edits"])
    assert 'kms.Key(self, "Schlüssel😋", enable_key_rotation=True)' in fixed_once
    assert fixed_once.replace("enable_key_rotation=True", "enable_key_rotation=False", 1) == STACK

    server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": fixed_once}]})
    published = server.notification("textDocument/publishDiagnostics")
    assert [d["range"]["start"]["line"] for d in published["diagnostics"]] == [8]

    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 12, "character": 0}}
    (action,) = server.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": whole,
                                                           "context": {"diagnostics": []}})
    fixed = apply(fixed_once, action["edit"]["documentChanges"][0]["edits"])
    assert '            "Logs",\n            enable_key_rotation=True,\n        )\n' in fixed
    server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"text": fixed}]})
    assert server.notification("textDocument/publishDiagnostics")["diagnostics"] == []
    # what the editor now holds is what `remediator fix` writes
    from test_cli import run_sub

    assert run_sub(["fix", "--no-changelog", str(path)], project).returncode == 0
    assert path.read_text() == fixed

    assert server.request("shutdown", None) is None
    server.notify("exit", None)
    assert server.proc.wait(timeout=30) == 0


def test_files_without_aws_cdk_and_broken_files_get_no_diagnostics(tmp_path: Path, server: Client) -> None:
    server.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {}})
    server.notify("initialized", {})
    for name, text in (("plain.py", "print('hello')\n"), ("broken.py", "from aws_cdk import aws_kms as kms\nkms.Key(\n")):
        uri = (tmp_path / name).as_uri()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                                "text": text}})
        published = server.notification("textDocument/publishDiagnostics")
        assert published["uri"] == uri and published["diagnostics"] == []
