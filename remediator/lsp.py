"""``remediator server``: a language server (pygls) for editors.

It checks a Python file when the editor opens, changes or saves it, with the same engine and the
same configuration as ``remediator check`` (the file's nearest ``[tool.remediator]``, its CDK
app's ``cdk.json``), and publishes the findings as diagnostics. Each finding with a fix is offered
as a code action (a quick fix) whose edit is exactly what ``remediator fix`` would change for that
finding alone. Files that do not import aws_cdk, excluded files and files that do not parse get
no diagnostics.
"""

from __future__ import annotations

import os
import tokenize
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from remediator import __version__
from remediator.analysis.engine import FileResult, process_source
from remediator.analysis.rule import Diagnostic
from remediator.output.formats import rule_url
from remediator.runner import Request, display_path, repository_root, resolve_group
from remediator.source.cdk_app import find_app
from remediator.source.config import ConfigError, Configurations
from remediator.transforms import all_rules


@dataclass
class Checked:
    """The findings of one version of a document."""

    version: int | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def encode(text: str) -> bytes:
    """The editor's text as the file's bytes: UTF-8, or the encoding its coding cookie names."""
    data = text.encode("utf-8")
    try:
        encoding, _ = tokenize.detect_encoding(BytesIO(data).readline)
    except SyntaxError:
        return data
    if encoding in ("utf-8", "utf-8-sig"):
        return data
    try:
        return text.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return data


def check_text(path: str, text: str) -> FileResult | None:
    """The findings of ``text`` as the content of ``path``, with their fixes as text edits; None
    when the file is excluded or the configuration is invalid."""
    rules = all_rules()
    root = repository_root([path])
    configs = Configurations(os.path.dirname(path), None, rules)
    conf = configs.for_file(path)
    if configs.excluded(path, conf):
        return None
    group = resolve_group(Request(paths=[path], fix_edits=True), conf, configs, root, rules)
    instances = [r(conf.rule_options.get(r.code, {})) for r in group.rules]
    return process_source(encode(text), display_path(path, root), instances, group.options, find_app(path))


class RemediatorServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("remediator", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.checked: dict[str, Checked] = {}

    def refresh(self, uri: str) -> None:
        """Check the document and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri)
        if path is None or not path.endswith(".py"):
            return
        try:
            result = check_text(os.path.abspath(path), document.source)
        except ConfigError as exc:
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=str(exc)))
            result = None
        diagnostics = [] if result is None or result.errors else result.diagnostics
        for error in result.errors if result is not None else ():
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Warning, message=f"{path}: {error}"))
        self.checked[uri] = Checked(document.version, diagnostics)
        published = [self.to_lsp(document, d) for d in diagnostics]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=published))

    @staticmethod
    def _range(document: Any, line: int, column: int, end_line: int, end_column: int) -> lsp.Range:
        """1-based positions in characters -> the client's 0-based units (UTF-16 unless negotiated)."""
        points = lsp.Range(start=lsp.Position(line=line - 1, character=column - 1),
                           end=lsp.Position(line=end_line - 1, character=end_column - 1))
        return document.position_codec.range_to_client_units(document.lines, points)

    def to_lsp(self, document: Any, d: Diagnostic) -> lsp.Diagnostic:
        url = rule_url(d.code)
        return lsp.Diagnostic(
            range=self._range(document, d.line, d.column, d.end_line or d.line, d.end_column or d.column),
            message=d.message,
            severity=lsp.DiagnosticSeverity.Information if d.tier == "report" else lsp.DiagnosticSeverity.Warning,
            code=d.code,
            code_description=lsp.CodeDescription(href=url) if url else None,
            source="remediator",
            data={"name": d.name, "tier": d.tier, "fixable": d.fixable},
        )

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        document = self.workspace.get_text_document(uri)
        if uri not in self.checked or self.checked[uri].version != document.version:
            self.refresh(uri)
        checked = self.checked.get(uri)
        if checked is None:
            return []
        wanted = params.range
        actions = []
        for d in checked.diagnostics:
            if not d.edits:
                continue
            shown = self.to_lsp(document, d)
            if shown.range.end.line < wanted.start.line or shown.range.start.line > wanted.end.line:
                continue
            edits = [lsp.TextEdit(self._range(document, e.line, e.column, e.end_line, e.end_column), e.content)
                     for e in d.edits]
            needs = "" if d.tier == "safe" else f" ({d.tier} fix)"
            actions.append(lsp.CodeAction(
                title=f"Fix {d.code} ({d.name}){needs}", kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                is_preferred=d.tier == "safe",
                edit=lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=document.version),
                    edits=edits)])))
        return actions


def make_server() -> RemediatorServer:
    server = RemediatorServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: RemediatorServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: RemediatorServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: RemediatorServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: RemediatorServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.checked.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                          diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: RemediatorServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    return server


def serve() -> None:
    """Speak LSP on stdin/stdout until the client says exit."""
    make_server().start_io()
