"""Drafts in the editor: findings as diagnostics, hovers and a quick fix that inserts model wording.

A check keeps, for each finding, where it belongs in the text: the lines of its first piece of evidence,
else the lines of the nearest unit (the clause that came closest), else the first line; and where model
wording would go: after the nearest unit, else after the unit holding the evidence, else at the end.
Positions here are 0-based lines and Python string indexes; the server converts them to the client's
units (UTF-16 by default).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
from lsprotocol import types

from esa_rules.document import Document, Unit
from esa_rules.engine import Checker
from esa_rules.lsp.settings import Settings
from esa_rules.readers import read
from esa_rules.report import Finding

SOURCE = "esa-rules"
EXTENSIONS = (".txt", ".md", ".markdown", ".text")
LANGUAGES = ("plaintext", "markdown")
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


@attrs.frozen
class Placed:
    """A finding with the text range it is shown on and the place its model wording would go."""

    finding: Finding
    range: types.Range
    insert_at: types.Position
    after: str  # the label of the unit the wording would follow ("the end of the draft" if none)


@attrs.frozen
class DraftCheck:
    lines: tuple[str, ...]
    placed: tuple[Placed, ...]

    def at_line(self, line: int) -> list[Placed]:
        return [p for p in self.placed if p.range.start.line <= line <= p.range.end.line]


def is_draft(path: str, language: str | None) -> bool:
    return language in LANGUAGES or path.lower().endswith(EXTENSIONS)


def check_draft(checker: Checker, path: str, text: str) -> DraftCheck:
    """Check the editor's text of the draft at ``path`` (``InputError`` if it cannot be read as a draft)."""
    doc = read(path, data=text.encode("utf-8", "surrogatepass"))
    result = checker.check(doc)
    lines = tuple(doc.text.split("\n"))
    units = {unit.eid: unit for unit in doc.units()}
    return DraftCheck(lines, tuple(_place(f, doc, lines, units) for f in result.findings))


def _line_range(lines: tuple[str, ...], first: int, last: int, column: int = 0) -> types.Range:
    """Lines ``first``..``last`` (1-based, clamped to the text) as a range ending at the last line's end."""
    first = min(max(first, 1), len(lines))
    last = min(max(last, first), len(lines))
    start = min(max(column, 0), len(lines[first - 1]))
    return types.Range(types.Position(first - 1, start), types.Position(last - 1, len(lines[last - 1])))


def _unit_lines(doc: Document, unit: Unit, lines: tuple[str, ...]) -> tuple[int, int]:
    """The first and last line (1-based) of a unit, blank lines it ends with left out."""
    first, last = doc.locate(unit.start).line, min(doc.locate(max(unit.start, unit.end - 1)).line, len(lines))
    while last > first and not lines[last - 1].strip():
        last -= 1
    return first, last


def _place(finding: Finding, doc: Document, lines: tuple[str, ...], units: dict[str, Unit]) -> Placed:
    nearest = units.get(finding.nearest.eid) if finding.nearest else None
    if finding.evidence:
        evidence = finding.evidence[0]
        shown = _line_range(lines, evidence.line, evidence.end_line, evidence.column - 1)
        after = nearest or units.get(evidence.eid)
    elif finding.nearest is not None:
        first, last = _unit_lines(doc, nearest, lines) if nearest else (finding.nearest.line, finding.nearest.line)
        shown, after = _line_range(lines, first, last), nearest
    else:
        shown, after = _line_range(lines, 1, 1), None
    if after is None or after is doc.root:
        end = types.Position(len(lines) - 1, len(lines[-1]))
        return Placed(finding, shown, end, "the end of the draft")
    last = _unit_lines(doc, after, lines)[1]
    return Placed(finding, shown, types.Position(last - 1, len(lines[last - 1])), after.label)


def diagnostics(check: DraftCheck, settings: Settings,
                to_client: Callable[[types.Range], types.Range]) -> list[types.Diagnostic]:
    return [_diagnostic(p, to_client(p.range)) for p in check.placed if settings.shows(p.finding)]


def _diagnostic(placed: Placed, shown: types.Range) -> types.Diagnostic:
    f = placed.finding
    severity = _SEVERITY.get(f.severity, types.DiagnosticSeverity.Information)
    if f.status == "satisfied":
        severity = types.DiagnosticSeverity.Hint
    return types.Diagnostic(range=shown, message=f"{f.status}: {f.title}: {f.message}", severity=severity,
                            code=f.provision, source=SOURCE)


def hover_text(placed: Iterable[Placed]) -> str | None:
    """Markdown for the findings on a line: provision, title and status, the message, why, model wording."""
    blocks = []
    for p in placed:
        f = p.finding
        block = [f"**{f.provision}** {f.title} — *{f.status}* ({f.severity})", "", f.message]
        if f.why:
            block += ["", f"**Why:** {f.why}"]
        if f.suggest and f.status != "satisfied":
            block += ["", "**Model wording:**", "", *(f"> {line}" for line in f.suggest.splitlines())]
        blocks.append("\n".join(block))
    return "\n\n---\n\n".join(blocks) or None


def insertion(placed: Placed) -> types.TextEdit | None:
    """The model wording as a new paragraph after the unit it belongs to (None without model wording)."""
    if not placed.finding.suggest:
        return None
    at = placed.insert_at
    return types.TextEdit(range=types.Range(at, at), new_text="\n\n" + placed.finding.suggest)
