"""The HTML gap report: one self-contained page for a reviewer who reads rather than greps.

This module only builds a view model (plain attrs records of strings and numbers); the jinja2 template
loops over it with autoescape on, so draft text can never become markup. The inline script is allowed
by a Content-Security-Policy hash rather than 'unsafe-inline', so even an escaping bug could not run an
injected script.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path, PurePath

import attrs
import jinja2
from markupsafe import Markup

from esa_rules.levels import Severity
from esa_rules.report import SEVERITIES, STATUSES, Evidence, Finding, Report
from esa_rules.topics import TOPICS

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATUS_ORDER = {"violated": 0, "missing": 1, "weak": 2, "waived": 3, "satisfied": 4}
ROLE_LABELS = {
    "require": "Matched clause",
    "forbid": "Forbidden wording",
    "soft-wording": "Soft wording",
    "carve-out": "Carved out of dispute settlement",
    "non-binding": "Non-binding declaration",
    "denial": "Wording that denies the obligation",
}


@attrs.frozen
class Segment:
    text: str
    term: str | None = None  # set when this piece of the quote is a matched phrase


@attrs.frozen
class EvidenceView:
    unit: str
    line: int
    column: int
    role: str
    role_label: str
    strength: str
    segments: tuple[Segment, ...]
    page: int | None


@attrs.frozen
class FindingView:
    anchor: str
    provision: str
    title: str
    topic: str
    topic_label: str
    severity: str
    status: str
    waived_status: str | None
    fails: bool
    message: str
    why: str | None
    source: str | None
    reasons: tuple[str, ...]
    evidence: tuple[EvidenceView, ...]
    nearest_unit: str | None
    nearest_line: int | None
    lacks: tuple[str, ...]
    has: tuple[str, ...]
    suggest: str | None
    waiver: str | None
    location: str


@attrs.frozen
class TopicBar:
    topic: str
    label: str
    description: str
    total: int
    counts: tuple[tuple[str, int, float], ...]  # (status, count, percent of total)
    satisfied: int


@attrs.frozen
class DocumentView:
    anchor: str
    path: str
    short: str  # the file name, when that tells the documents apart; else the path
    title: str | None
    counts: tuple[tuple[str, int], ...]
    failing: int
    topics: tuple[TopicBar, ...]
    findings: tuple[FindingView, ...]
    notices: tuple[str, ...]


@attrs.frozen
class MatrixRow:
    provision: str
    title: str
    severity: str
    topic: str  # set on the first row of each topic, which starts a group
    cells: tuple[tuple[str, str], ...]  # (status, anchor of the finding) per document


@attrs.frozen
class ReportView:
    title: str
    tool_version: str
    rulesets: tuple[str, ...]
    fail_on: str
    summary: tuple[tuple[str, int], ...]
    documents: tuple[DocumentView, ...]
    matrix: tuple[MatrixRow, ...]
    failures: tuple[tuple[str, str], ...]
    statuses: tuple[str, ...]
    severities: tuple[str, ...]
    topics: tuple[tuple[str, str], ...]


def segments(quote: str, ev: Evidence) -> tuple[Segment, ...]:
    """Split a quote into plain and highlighted pieces; overlapping matches merge into one highlight."""
    spans = sorted((max(0, m.start), min(len(quote), m.end), m.term) for m in ev.matches)
    merged: list[tuple[int, int, str]] = []
    for start, end, term in spans:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            first, last, first_term = merged[-1]
            merged[-1] = (first, max(last, end), first_term)
        else:
            merged.append((start, end, term))
    out: list[Segment] = []
    cursor = 0
    for start, end, term in merged:
        if start > cursor:
            out.append(Segment(quote[cursor:start]))
        out.append(Segment(quote[start:end], term))
        cursor = end
    if cursor < len(quote):
        out.append(Segment(quote[cursor:]))
    return tuple(out)


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-") or "x"


def _finding_view(doc_anchor: str, finding: Finding, fail_on: str) -> FindingView:
    evidence = tuple(
        EvidenceView(
            unit=ev.unit, line=ev.line, column=ev.column, role=ev.role,
            role_label=ROLE_LABELS.get(ev.role, ev.role), strength=ev.strength,
            segments=segments(ev.quote, ev), page=ev.page,
        )
        for ev in finding.evidence
    )
    line, column = finding.anchor
    nearest = finding.nearest
    return FindingView(
        anchor=f"{doc_anchor}-{_slug(finding.provision)}",
        provision=finding.provision, title=finding.title, topic=finding.topic,
        topic_label=finding.topic.replace("-", " "), severity=finding.severity, status=finding.status,
        waived_status=finding.waived_status, fails=finding.fails(fail_on), message=finding.message,
        why=finding.why, source=finding.source, reasons=finding.reasons, evidence=evidence,
        nearest_unit=nearest.unit if nearest else None, nearest_line=nearest.line if nearest else None,
        lacks=nearest.lacks if nearest else (), has=nearest.has if nearest else (),
        suggest=finding.suggest, waiver=finding.waiver, location=f"line {line}, column {column}",
    )


def _topic_order(topic: str) -> tuple[int, str]:
    return (list(TOPICS).index(topic) if topic in TOPICS else len(TOPICS), topic)


def _topic_bars(findings: tuple[Finding, ...]) -> tuple[TopicBar, ...]:
    topics = sorted({f.topic for f in findings}, key=_topic_order)
    bars = []
    for topic in topics:
        mine = [f for f in findings if f.topic == topic]
        counts = tuple(
            (s, n, round(100 * n / len(mine), 2))
            for s in ("satisfied", "weak", "waived", "missing", "violated")
            if (n := sum(1 for f in mine if f.status == s))
        )
        bars.append(TopicBar(
            topic=topic, label=topic.replace("-", " ").capitalize(), description=TOPICS.get(topic, ""),
            total=len(mine), counts=counts, satisfied=sum(1 for f in mine if f.status == "satisfied"),
        ))
    return tuple(bars)


def _short_names(paths: list[str]) -> list[str]:
    names = [PurePath(p.replace("\\", "/")).name or p for p in paths]
    return names if len(set(names)) == len(names) else paths


def build_view(report: Report, fail_on: str = "error") -> ReportView:
    documents = []
    short_names = _short_names([d.path for d in report.documents])
    for number, doc in enumerate(report.documents, start=1):
        anchor = f"doc{number}"
        ordered = sorted(doc.findings, key=lambda f: (
            STATUS_ORDER.get(f.status, 9), -Severity(f.severity).rank, f.provision))
        counts = doc.counts()
        documents.append(DocumentView(
            anchor=anchor, path=doc.path, short=short_names[number - 1], title=doc.title,
            counts=tuple((s, counts[s]) for s in STATUSES),
            failing=sum(1 for f in doc.findings if f.fails(fail_on)),
            topics=_topic_bars(doc.findings),
            findings=tuple(_finding_view(anchor, f, fail_on) for f in ordered),
            notices=doc.notices,
        ))
    matrix: list[MatrixRow] = []
    if len(report.documents) > 1:
        provisions = sorted(
            {(f.topic, f.provision, f.title, f.severity) for d in report.documents for f in d.findings},
            key=lambda p: (_topic_order(p[0]), p[1]))
        previous_topic = None
        for topic, provision, title, severity in provisions:
            cells = []
            for view, doc in zip(documents, report.documents, strict=True):
                status = next((f.status for f in doc.findings if f.provision == provision), "")
                cells.append((status, f"{view.anchor}-{_slug(provision)}" if status else ""))
            label = topic.replace("-", " ").capitalize() if topic != previous_topic else ""
            previous_topic = topic
            matrix.append(MatrixRow(provision, title, severity, label, tuple(cells)))
    summary = report.summary()
    topics = sorted({f.topic for d in report.documents for f in d.findings})
    return ReportView(
        title="Economic security gap report",
        tool_version=report.tool_version,
        rulesets=tuple(f"{r.name} {r.version}" for r in report.rulesets),
        fail_on=fail_on,
        summary=tuple((k, summary[k]) for k in ("documents", *STATUSES)),
        documents=tuple(documents),
        matrix=tuple(matrix),
        failures=tuple((f.path, f.message) for f in report.failures),
        statuses=STATUSES, severities=SEVERITIES,
        topics=tuple((t, t.replace("-", " ")) for t in topics),
    )


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.globals["asset"] = asset
    return env


@cache
def asset(name: str) -> Markup:
    # CSS and JS are ours, read verbatim (not rendered) so braces in them never meet jinja.
    return Markup((TEMPLATES / name).read_text(encoding="utf-8"))


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_page(template: str, **context: object) -> str:
    script = asset("report.js")
    return environment().get_template(template).render(
        css=asset("report.css"), script=script, script_hash=script_hash(str(script)), **context,
    )


def render(report: Report, *, fail_on: str = "error") -> str:
    return render_page("report.html.j2", view=build_view(report, fail_on))
