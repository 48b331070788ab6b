"""The negotiator's lint: ``file:line:col: severity provision status message``, grouped per document."""

from __future__ import annotations

from esa_rules.report import GAP_STATUSES, STATUSES, Finding, Report

_COLOURS = {"satisfied": "32", "weak": "33", "missing": "31", "violated": "1;31", "waived": "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _line(path: str, f: Finding, color: bool) -> str:
    line, col = f.anchor
    status = _paint(f.status, _COLOURS[f.status], color)
    text = f"{path}:{line}:{col}: {f.severity} {f.provision} {status} {f.title}: {f.message}"
    if f.status == "waived" and f.waiver:
        text += f" (waived: {f.waiver})"
    return text


def render(report: Report, *, color: bool = False, verbose: bool = False) -> str:
    """Every finding per document (satisfied ones too: a negotiator wants to see where each is met);
    with ``verbose``, the model wording of each gap follows it."""
    out: list[str] = []
    for doc in report.documents:
        title = f" ({doc.title})" if doc.title else ""
        out.append(_paint(f"{doc.path}{title}", "1", color))
        for notice in doc.notices:
            out.append(f"{doc.path}:1:1: notice {notice}")
        for f in doc.findings:
            out.append(_line(doc.path, f, color))
            if verbose and f.status in GAP_STATUSES and f.suggest:
                out.append(f"    model wording: {f.suggest}")
        counts = doc.counts()
        out.append("  " + ", ".join(f"{counts[s]} {s}" for s in STATUSES) + "\n")
    for failure in report.failures:
        out.append(f"{failure.message}")
    s = report.summary()
    docs = "document" if s["documents"] == 1 else "documents"
    line = f"{s['documents']} {docs}: " + ", ".join(f"{s[k]} {k}" for k in STATUSES)
    if report.failures:
        line += f"; {len(report.failures)} unreadable"
    out.append(line)
    return "\n".join(out) + "\n"
