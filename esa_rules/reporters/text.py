"""The negotiator's lint: one line per finding, ``file:line:col: [severity] provision status title: message``.

Severity is printed only on gaps: it says whether a finding can fail the run, which a satisfied or
waived provision never does. With ``verbose``, each finding is followed by the sentences that decided
it (matched words marked), the nearest clause for a gap, and the model wording.
"""

from __future__ import annotations

import textwrap

from esa_rules.levels import Status
from esa_rules.report import STATUSES, Finding, Report
from esa_rules.reporters.quotes import quoted, segments, trimmed

_COLOURS = {"satisfied": "32", "weak": "33", "missing": "31", "violated": "1;31", "waived": "36"}
# Matched words: bold on a terminal; «guillemets» elsewhere. Not asterisks or brackets: Markdown drafts
# carry asterisks of their own, and negotiating texts bracket the wording not yet agreed.
_MARK_ON, _MARK_OFF = "\x00", "\x01"  # placeholders, so wrapping happens before escape codes exist
INDENT = "    "


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _line(path: str, f: Finding, color: bool) -> str:
    line, col = f.anchor
    status = _paint(f.status, _COLOURS[f.status], color)
    severity = f"{f.severity} " if Status(f.status).is_gap else ""
    text = f"{path}:{line}:{col}: {severity}{f.provision} {status} {f.title}: {f.message}"
    if f.status == "waived" and f.waiver:
        text += f" (waived: {f.waiver})"
    return text


def _wrap(text: str, width: int, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=first if first is not None else indent,
                         subsequent_indent=indent, break_long_words=False, break_on_hyphens=False) or [indent]


def _marks(text: str, color: bool) -> str:
    on, off = ("\x1b[1m", "\x1b[22m") if color else ("«", "»")
    return text.replace(_MARK_ON, on).replace(_MARK_OFF, off)


def details(f: Finding, *, color: bool = False, width: int = 100) -> list[str]:
    """The lines ``-v`` prints under a finding: deciding sentences, nearest clause, model wording."""
    out: list[str] = []
    for q in quoted(f.evidence):
        page = f", page {q.page}" if q.page else ""
        out += _wrap(f"{q.label}: {q.unit} (line {q.line}{page})", width, INDENT + "  ", first=INDENT)
        text = "".join(f"{_MARK_ON}{s.text}{_MARK_OFF}" if s.term else s.text
                       for s in trimmed(segments(q.quote, q)))
        out += [_marks(line, color) for line in _wrap(f"“{text}”", width, INDENT + "  ")]
    gap = Status(f.waived_status or f.status).is_gap
    if gap and f.nearest is not None and f.nearest.unit not in {q.unit for q in quoted(f.evidence)}:
        lacks = f"; it lacks {'; '.join(f.nearest.lacks)}" if f.nearest.lacks else ""
        out += _wrap(f"Nearest clause: {f.nearest.unit} (line {f.nearest.line}){lacks}", width, INDENT + "  ",
                     first=INDENT)
    elif gap and f.status == "missing" and not f.evidence:
        out += _wrap("Nearest clause: none; no related wording anywhere in the draft", width, INDENT)
    if gap and f.suggest:
        out += _wrap(f.suggest, width, INDENT + "  ", first=f"{INDENT}Model wording: ")
    return out


def _counts(counts: dict[str, int], failing: int, fail_on: str) -> str:
    text = ", ".join(f"{counts[s]} {s}" for s in STATUSES)
    if fail_on == "never":
        return text
    gaps = "gap fails" if failing == 1 else "gaps fail"
    return f"{text}; {failing} {gaps} the run (--fail-on {fail_on})"


def render(report: Report, *, color: bool = False, verbose: bool = False, fail_on: str = "error",
           width: int = 100) -> str:
    """Every finding per document (satisfied ones too: a negotiator wants to see where each is met)."""
    out: list[str] = []
    for doc in report.documents:
        title = f" ({doc.title})" if doc.title else ""
        out.append(_paint(f"{doc.path}{title}", "1", color))
        for notice in doc.notices:
            out.append(f"{doc.path}:1:1: notice {notice}")
        for f in doc.findings:
            out.append(_line(doc.path, f, color))
            if verbose:
                out += details(f, color=color, width=width)
        failing = sum(1 for f in doc.findings if f.fails(fail_on))
        out.append("  " + _counts(doc.counts(), failing, fail_on) + "\n")
    for failure in report.failures:
        out.append(f"{failure.message}")
    s = report.summary()
    docs = "document" if s["documents"] == 1 else "documents"
    line = f"{s['documents']} {docs}: " + _counts(s, len(report.failing(fail_on)), fail_on)
    if report.failures:
        line += f"; {len(report.failures)} unreadable"
    out.append(line)
    return "\n".join(out) + "\n"
