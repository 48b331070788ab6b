"""The language server over stdio: pygls wiring, the state of open documents, debounced re-checks.

A document is checked when it is opened or saved, and again once typing has paused for the debounce
interval (``debounceMs``, 300 ms by default), so a burst of keystrokes costs one check. Checks run on the
server's one event loop: a request (hover, code action) always sees the result of the last check, and a
check of a document whose text has changed since is brought up to date first. A draft is re-checked when
a ruleset or configuration file is saved, since its rulesets may have changed.

Nothing here prints: stdout carries the protocol, and problems become diagnostics or log messages.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path
from pygls.workspace import TextDocument

from esa_rules import __version__
from esa_rules.config import FILE_NAMES
from esa_rules.dsl.ast import Ruleset
from esa_rules.errors import EsaRulesError
from esa_rules.lsp import drafts, rulesets
from esa_rules.lsp.settings import CheckerPool, Settings

log = logging.getLogger("esa_rules.lsp")


class EsaServer(LanguageServer):
    def __init__(self, *, no_cache: bool = False) -> None:
        super().__init__("esa-rules", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.pool = CheckerPool(no_cache=no_cache)
        self.drafts: dict[str, tuple[int | None, drafts.DraftCheck]] = {}  # uri -> (version checked, result)
        self.rulesets: dict[str, Ruleset] = {}  # uri -> the last version of it that loaded
        self.timers: dict[str, asyncio.TimerHandle] = {}

    # --- what a document is, and checking it ------------------------------------------------------

    def kind(self, doc: TextDocument) -> str | None:
        if rulesets.is_ruleset(doc.path, doc.language_id):
            return "ruleset"
        return "draft" if drafts.is_draft(doc.path, doc.language_id) else None

    def to_client(self, doc: TextDocument, shown: types.Range) -> types.Range:
        return doc.position_codec.range_to_client_units(doc.lines, shown)

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds of quiet (now, if 0); a newer call replaces a pending one."""
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        if delay <= 0:
            self.publish(uri)
        else:
            self.timers[uri] = asyncio.get_running_loop().call_later(delay, self.publish, uri)

    def publish(self, uri: str) -> None:
        self.timers.pop(uri, None)
        doc = self.workspace.get_text_document(uri)
        try:
            found = self.diagnose(doc)
        except Exception as error:  # a bug must not take the editor's server down; say so where it is seen
            log.exception("checking %s failed", uri)
            found = [_problem(f"esa-rules internal error: {type(error).__name__}: {error}")]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=found))

    def diagnose(self, doc: TextDocument) -> list[types.Diagnostic]:
        kind = self.kind(doc)
        if kind == "ruleset":
            check = rulesets.check_ruleset(doc.path, doc.source, self.open_rulesets(doc.uri))
            if check.ruleset is not None:
                self.rulesets[doc.uri] = check.ruleset
            return [_moved(d, self.to_client(doc, d.range)) for d in check.diagnostics]
        if kind == "draft":
            try:
                draft = self.draft(doc)
            except EsaRulesError as error:
                return [] if not doc.source.strip() else [_problem(f"esa-rules cannot check this draft: {error}")]
            return drafts.diagnostics(draft, self.settings, lambda r: self.to_client(doc, r))
        return []

    def draft(self, doc: TextDocument) -> drafts.DraftCheck:
        """The check of the document's current text (run now if the last one is of older text)."""
        done = self.drafts.get(doc.uri)
        if done is not None and done[0] == doc.version and doc.version is not None:
            return done[1]
        checker = self.pool.checker_for(Path(doc.path).resolve().parent)
        result = drafts.check_draft(checker, doc.path, doc.source)
        self.drafts[doc.uri] = (doc.version, result)
        return result

    def open_rulesets(self, but: str) -> dict[str, str]:
        """The text of every other open .esa file, by real path: includes see what is being typed."""
        return {os.path.realpath(d.path): d.source for uri, d in self.workspace.text_documents.items()
                if uri != but and self.kind(d) == "ruleset"}

    def recheck_drafts(self) -> None:
        for uri, doc in list(self.workspace.text_documents.items()):
            if self.kind(doc) == "draft":
                self.drafts.pop(uri, None)
                self.schedule(uri, 0)


def _moved(diagnostic: types.Diagnostic, shown: types.Range) -> types.Diagnostic:
    diagnostic.range = shown
    return diagnostic


def _problem(message: str) -> types.Diagnostic:
    start = types.Position(0, 0)
    return types.Diagnostic(types.Range(start, start), message, types.DiagnosticSeverity.Error,
                            source=drafts.SOURCE)


def build_server(*, no_cache: bool = False) -> EsaServer:
    server = EsaServer(no_cache=no_cache)

    @server.feature(types.INITIALIZE)
    def initialize(ls: EsaServer, params: types.InitializeParams) -> None:
        ls.settings = _apply(ls, params.initialization_options)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: EsaServer, params: types.DidChangeConfigurationParams) -> None:
        ls.settings = _apply(ls, params.settings)
        ls.recheck_drafts()

    # Clients send every file they have open; only drafts and rulesets are ours to check.
    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EsaServer, params: types.DidOpenTextDocumentParams) -> None:
        if ls.kind(ls.workspace.get_text_document(params.text_document.uri)) is not None:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EsaServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.kind(ls.workspace.get_text_document(params.text_document.uri)) is not None:
            ls.schedule(params.text_document.uri, ls.settings.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EsaServer, params: types.DidSaveTextDocumentParams) -> None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        if ls.kind(doc) == "ruleset" or os.path.basename(doc.path) in FILE_NAMES:
            ls.recheck_drafts()
        if ls.kind(doc) is not None:
            ls.schedule(doc.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EsaServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.drafts.pop(uri, None)
        ls.rulesets.pop(uri, None)
        if ls.kind(ls.workspace.get_text_document(uri)) is not None:  # clear what it showed
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: EsaServer, params: types.HoverParams) -> types.Hover | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        at = doc.position_codec.position_from_client_units(doc.lines, params.position)
        text: str | None = None
        if ls.kind(doc) == "draft":
            try:
                text = drafts.hover_text(p for p in ls.draft(doc).at_line(at.line) if ls.settings.shows(p.finding))
            except EsaRulesError:
                return None
        elif ls.kind(doc) == "ruleset" and doc.uri in ls.rulesets and at.line < len(doc.lines):
            word = rulesets.word_at(doc.lines[at.line], at.character)
            text = rulesets.hover_text(ls.rulesets[doc.uri], word[0]) if word else None
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: EsaServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        if ls.kind(doc) != "draft":
            return None
        try:
            draft = ls.draft(doc)
        except EsaRulesError:
            return None
        # The fixes for the diagnostics the client names; when it names none of ours (a cursor on a line),
        # those of every finding shown on the lines of the range.
        wanted = {str(d.code) for d in params.context.diagnostics if d.source == drafts.SOURCE}
        first = doc.position_codec.position_from_client_units(doc.lines, params.range.start).line
        last = doc.position_codec.position_from_client_units(doc.lines, params.range.end).line
        actions = []
        for placed in draft.placed:
            edit = drafts.insertion(placed)
            if wanted:
                chosen = placed.finding.provision in wanted
            else:
                chosen = placed.range.start.line <= last and placed.range.end.line >= first
            if edit is None or not chosen or not ls.settings.shows(placed.finding):
                continue
            edit.range = ls.to_client(doc, edit.range)
            actions.append(types.CodeAction(
                title=f"Insert model wording for {placed.finding.provision} after {placed.after}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[d for d in params.context.diagnostics if str(d.code) == placed.finding.provision],
                edit=types.WorkspaceEdit(changes={doc.uri: [edit]})))
        return actions

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: EsaServer, params: types.DefinitionParams) -> types.Location | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        at = doc.position_codec.position_from_client_units(doc.lines, params.position)
        if ls.kind(doc) != "ruleset" or at.line >= len(doc.lines):
            return None
        pos = rulesets.definition(ls.rulesets.get(doc.uri), doc.path, doc.lines[at.line], at.character)
        if pos is None:
            return None
        start = types.Position(pos.line - 1, pos.column - 1)
        return types.Location(uri=from_fs_path(os.path.abspath(pos.path)) or pos.path, range=types.Range(start, start))

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: EsaServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        if ls.kind(doc) != "ruleset":
            return None
        edits = rulesets.formatting(doc.path, doc.source)
        for edit in edits or ():
            edit.range = ls.to_client(doc, edit.range)
        return edits

    return server


def _apply(ls: EsaServer, options: Any) -> Settings:
    settings, problems = ls.settings.updated(options)
    for problem in problems:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, f"esa-rules: {problem}"))
    return settings


def serve(*, no_cache: bool = False) -> None:
    """Run the server on stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="esa-rules lsp: %(levelname)s: %(message)s")
    build_server(no_cache=no_cache).start_io()
