"""Markdown for pull-request comments: a compact gap table per document, satisfied ones folded away."""

from __future__ import annotations

from esa_rules.levels import Severity
from esa_rules.report import STATUSES, DocumentResult, Finding, Report
from esa_rules.reporters.messages import explanation, nearest_is_new

ICONS = {"satisfied": "✅", "weak": "🟡", "missing": "❌", "violated": "⛔", "waived": "⚪"}
# Worst first: a reader of a PR comment wants the blocking rows at the top.
STATUS_ORDER = {"violated": 0, "missing": 1, "weak": 2, "waived": 3, "satisfied": 4}


def cell(text: str) -> str:
    """Table-safe text: pipes, newlines and HTML-looking text must not break or inject into the table."""
    text = " ".join(text.split())
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|")):
        text = text.replace(char, entity)
    return text


def _where(finding: Finding) -> str:
    if finding.evidence:
        return f"{finding.evidence[0].unit}, line {finding.evidence[0].line}"
    if finding.nearest is not None:
        return f"nearest: {finding.nearest.unit}, line {finding.nearest.line}"
    return "—"


def _note(finding: Finding) -> str:
    if finding.status == "waived":
        return f"waived ({finding.waived_status or 'gap'}): {finding.waiver or ''}"
    parts = explanation(finding)
    if finding.status == "missing" and nearest_is_new(finding) and finding.nearest and finding.nearest.lacks:
        parts.append("lacks " + ", ".join(finding.nearest.lacks))
    return "; ".join(p for p in parts if p)


def _sort_key(finding: Finding) -> tuple[int, int, str]:
    return STATUS_ORDER[finding.status], -Severity(finding.severity).rank, finding.provision


def _document(doc: DocumentResult, fail_on: str) -> list[str]:
    counts = doc.counts()
    failing = sum(1 for f in doc.findings if f.fails(fail_on))
    lines = [f"### `{cell(doc.path)}`", ""]
    lines.append(" · ".join(f"{ICONS[s]} {counts[s]} {s}" for s in STATUSES)
                 + (f" — **{failing} failing at `{fail_on}`**" if failing else ""))
    lines.append("")
    gaps = sorted((f for f in doc.findings if f.status != "satisfied"), key=_sort_key)
    if gaps:
        lines += ["| | Provision | Severity | Where | Why |", "|---|---|---|---|---|"]
        for f in gaps:
            lines.append(
                f"| {ICONS[f.status]} {f.status} | **{cell(f.provision)}** {cell(f.title)} | {f.severity} "
                f"| {cell(_where(f))} | {cell(_note(f))} |"
            )
        lines.append("")
    satisfied = [f for f in doc.findings if f.status == "satisfied"]
    if satisfied:
        lines += ["<details><summary>Satisfied provisions</summary>", ""]
        lines += [f"- **{cell(f.provision)}** {cell(f.title)} — {cell(_where(f))}" for f in satisfied]
        lines += ["", "</details>", ""]
    return lines


def render(report: Report, *, fail_on: str = "error") -> str:
    summary = report.summary()
    lines = ["## esa-rules gap report", ""]
    lines.append(
        f"{summary['documents']} document(s) checked against "
        + ", ".join(f"{r.name} {r.version}" for r in report.rulesets)
        + ": " + ", ".join(f"{summary[s]} {s}" for s in STATUSES) + "."
    )
    lines.append("")
    for doc in report.documents:
        lines += _document(doc, fail_on)
    if report.failures:
        lines += ["### Unreadable inputs", ""]
        lines += [f"- `{cell(f.path)}`: {cell(f.message)}" for f in report.failures]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
