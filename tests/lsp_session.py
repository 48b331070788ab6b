"""A pygls client driving a real ``esa-rules lsp`` process, for the language-server tests.

Every wait is on a message from the server, with a timeout; nothing sleeps and hopes.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Self

from lsprotocol import types
from pygls.lsp.client import BaseLanguageClient
from pygls.uris import from_fs_path

TIMEOUT = 60.0  # generous: a loaded CI machine may take seconds to parse a ruleset


class Session:
    """``async with Session(root) as s``: a server started in ``root`` and initialized; shut down and
    exited at the end (the exit code is checked)."""

    def __init__(self, root: Path, options: dict[str, Any] | None = None) -> None:
        self.root = root
        self.options = options
        self.client = BaseLanguageClient("esa-rules-tests", "1")
        self.published: defaultdict[str, asyncio.Queue[types.PublishDiagnosticsParams]] = defaultdict(asyncio.Queue)
        self.messages: asyncio.Queue[types.ShowMessageParams] = asyncio.Queue()
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri].put_nowait(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def show(params: types.ShowMessageParams) -> None:
            self.messages.put_nowait(params)

    async def __aenter__(self) -> Self:
        await self.client.start_io(sys.executable, "-m", "esa_rules", "lsp", cwd=str(self.root),
                                   env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
        self.initialized = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=from_fs_path(str(self.root)),
            workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(self.root)) or "", name="drafts")],
            initialization_options=self.options)), TIMEOUT)
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        server = self.client._server
        code = await asyncio.wait_for(server.wait(), TIMEOUT) if server else 0
        await asyncio.wait_for(self.client.stop(), TIMEOUT)
        assert code == 0, f"esa-rules lsp exited with {code}"

    def uri(self, path: Path) -> str:
        return from_fs_path(str(path)) or ""

    def open(self, path: Path, language: str, text: str | None = None) -> str:
        uri = self.uri(path)
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
            uri=uri, language_id=language, version=1, text=path.read_text(encoding="utf-8") if text is None else text)))
        return uri

    def replace(self, uri: str, text: str) -> int:
        """Send the whole new text as one change; the new version number."""
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))
        return self.versions[uri]

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))

    async def diagnostics(self, uri: str) -> types.PublishDiagnosticsParams:
        """The next diagnostics the server publishes for ``uri``."""
        return await asyncio.wait_for(self.published[uri].get(), TIMEOUT)

    async def hover(self, uri: str, line: int, character: int = 0) -> str | None:
        found = await asyncio.wait_for(self.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri=uri), types.Position(line, character))), TIMEOUT)
        if found is None:
            return None
        assert isinstance(found.contents, types.MarkupContent)
        return found.contents.value

    async def code_actions(self, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        found = await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri=uri), diagnostic.range,
            types.CodeActionContext(diagnostics=[diagnostic]))), TIMEOUT)
        return [a for a in found or [] if isinstance(a, types.CodeAction)]

    async def definition(self, uri: str, line: int, character: int) -> Any:
        return await asyncio.wait_for(self.client.text_document_definition_async(types.DefinitionParams(
            types.TextDocumentIdentifier(uri=uri), types.Position(line, character))), TIMEOUT)

    async def formatting(self, uri: str) -> list[types.TextEdit] | None:
        return await asyncio.wait_for(self.client.text_document_formatting_async(types.DocumentFormattingParams(
            types.TextDocumentIdentifier(uri=uri), types.FormattingOptions(tab_size=2, insert_spaces=True))),
            TIMEOUT)


def apply(text: str, edit: types.TextEdit) -> str:
    """``edit`` applied to ``text`` (positions in UTF-16 units, as the server sends them by default)."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: 2 * position.character].decode("utf-16-le")
        return before + len(units)

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
