"""The view model of the HTML gap report: plain attrs records of strings and numbers, so the template only
loops and never decides. What it decides here: gaps before satisfied provisions, severity only where a
finding can fail the run, topic labels, and where a file name may break (between its words only).
"""

from __future__ import annotations

import re
from pathlib import PurePath

import attrs

from esa_rules.levels import Severity, Status
from esa_rules.report import SEVERITIES, STATUSES, Finding, Report
from esa_rules.reporters.messages import new_reasons
from esa_rules.reporters.quotes import Segment, quoted, segments
from esa_rules.topics import TOPICS, topic_label

STATUS_ORDER = {"violated": 0, "missing": 1, "weak": 2, "waived": 3, "satisfied": 4}
TOC_FROM = 3  # documents; with fewer, the matrix and the headings are enough to find one's way
# After a separator, or between a lower-case letter and a capital: where a file name may wrap.
_NAME_BREAK = re.compile(r"(?<=[/\\_\-])(?=.)|(?<=[a-z])(?=[A-Z])")


@attrs.frozen
class QuoteView:
    unit: str
    line: int
    label: str  # "Matched clause and soft wording"
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
    gap: bool  # can fail a run: only then is the severity shown
    status: str
    waived_status: str | None
    fails: bool
    message: str
    why: str | None
    source: str | None
    reasons: tuple[str, ...]  # those the message does not already say
    quotes: tuple[QuoteView, ...]
    nearest_unit: str | None
    nearest_line: int | None
    lacks: tuple[str, ...]
    has: tuple[str, ...]
    suggest: str | None
    waiver: str | None
    location: str
    where: str  # the unit a satisfied provision is met in, for its one-line entry


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
    path_parts: tuple[str, ...]  # the path in pieces that may each end a line
    short_parts: tuple[str, ...]  # the file name (or the path, when names repeat), likewise
    title: str | None
    counts: tuple[tuple[str, int], ...]
    failing: int
    topics: tuple[TopicBar, ...]
    gaps: tuple[FindingView, ...]  # violated, missing, weak, then waived: worst first
    satisfied: tuple[FindingView, ...]
    notices: tuple[str, ...]

    @property
    def findings(self) -> tuple[FindingView, ...]:
        return self.gaps + self.satisfied


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
    toc: bool
    matrix: tuple[MatrixRow, ...]
    failures: tuple[tuple[str, str], ...]
    statuses: tuple[str, ...]
    severities: tuple[str, ...]
    topics: tuple[tuple[str, str], ...]


def name_parts(name: str) -> tuple[str, ...]:
    """``trade_ministers_round.txt`` -> ``trade_``, ``ministers_``, ``round.txt``: the template puts a
    line-break opportunity between the pieces and nowhere else, so a name never wraps mid-word."""
    return tuple(_NAME_BREAK.split(name))


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-") or "x"


def _finding_view(doc_anchor: str, finding: Finding, fail_on: str) -> FindingView:
    views = tuple(
        QuoteView(unit=q.unit, line=q.line, label=q.label, strength=q.strength,
                  segments=segments(q.quote, q), page=q.page)
        for q in quoted(finding.evidence)
    )
    line, column = finding.anchor
    nearest = finding.nearest
    first = finding.evidence[0] if finding.evidence else None
    return FindingView(
        anchor=f"{doc_anchor}-{_slug(finding.provision)}",
        provision=finding.provision, title=finding.title, topic=finding.topic,
        topic_label=topic_label(finding.topic), severity=finding.severity,
        gap=Status(finding.status).is_gap, status=finding.status,
        waived_status=finding.waived_status, fails=finding.fails(fail_on), message=finding.message,
        why=finding.why, source=finding.source, reasons=tuple(new_reasons(finding)), quotes=views,
        nearest_unit=nearest.unit if nearest else None, nearest_line=nearest.line if nearest else None,
        lacks=nearest.lacks if nearest else (), has=nearest.has if nearest else (),
        suggest=finding.suggest, waiver=finding.waiver, location=f"line {line}, column {column}",
        where=f"{first.unit}, line {first.line}" if first else f"line {line}",
    )


def _topic_order(topic: str) -> tuple[int, str]:
    return (list(TOPICS).index(topic) if topic in TOPICS else len(TOPICS), topic)


def _topic_bars(findings: tuple[Finding, ...]) -> tuple[TopicBar, ...]:
    bars = []
    for topic in sorted({f.topic for f in findings}, key=_topic_order):
        mine = [f for f in findings if f.topic == topic]
        counts = tuple(
            (s, n, round(100 * n / len(mine), 2))
            for s in ("satisfied", "weak", "waived", "missing", "violated")
            if (n := sum(1 for f in mine if f.status == s))
        )
        bars.append(TopicBar(
            topic=topic, label=topic_label(topic), description=TOPICS.get(topic, ""),
            total=len(mine), counts=counts, satisfied=sum(1 for f in mine if f.status == "satisfied"),
        ))
    return tuple(bars)


def _short_names(paths: list[str]) -> list[str]:
    names = [PurePath(p.replace("\\", "/")).name or p for p in paths]
    return names if len(set(names)) == len(names) else paths


def _matrix(report: Report, documents: list[DocumentView]) -> list[MatrixRow]:
    if len(report.documents) < 2:
        return []
    provisions = sorted(
        {(f.topic, f.provision, f.title, f.severity) for d in report.documents for f in d.findings},
        key=lambda p: (_topic_order(p[0]), p[1]))
    rows: list[MatrixRow] = []
    previous_topic = None
    for topic, provision, title, severity in provisions:
        cells = []
        for view, doc in zip(documents, report.documents, strict=True):
            status = next((f.status for f in doc.findings if f.provision == provision), "")
            cells.append((status, f"{view.anchor}-{_slug(provision)}" if status else ""))
        label = topic_label(topic) if topic != previous_topic else ""
        previous_topic = topic
        rows.append(MatrixRow(provision, title, severity, label, tuple(cells)))
    return rows


def build_view(report: Report, fail_on: str = "error") -> ReportView:
    documents = []
    short_names = _short_names([d.path for d in report.documents])
    for number, doc in enumerate(report.documents, start=1):
        anchor = f"doc{number}"
        gaps = sorted((f for f in doc.findings if f.status != "satisfied"), key=lambda f: (
            STATUS_ORDER.get(f.status, 9), -Severity(f.severity).rank, f.provision))
        satisfied = [f for f in doc.findings if f.status == "satisfied"]  # in ruleset order: a checklist
        counts = doc.counts()
        documents.append(DocumentView(
            anchor=anchor, path=doc.path, path_parts=name_parts(doc.path),
            short_parts=name_parts(short_names[number - 1]), title=doc.title,
            counts=tuple((s, counts[s]) for s in STATUSES),
            failing=sum(1 for f in doc.findings if f.fails(fail_on)),
            topics=_topic_bars(doc.findings),
            gaps=tuple(_finding_view(anchor, f, fail_on) for f in gaps),
            satisfied=tuple(_finding_view(anchor, f, fail_on) for f in satisfied),
            notices=doc.notices,
        ))
    summary = report.summary()
    topics = sorted({f.topic for d in report.documents for f in d.findings}, key=_topic_order)
    return ReportView(
        title="Economic security gap report",
        tool_version=report.tool_version,
        rulesets=tuple(f"{r.name} {r.version}" for r in report.rulesets),
        fail_on=fail_on,
        summary=tuple((k, summary[k]) for k in ("documents", *STATUSES)),
        documents=tuple(documents),
        toc=len(documents) >= TOC_FROM,
        matrix=tuple(_matrix(report, documents)),
        failures=tuple((f.path, f.message) for f in report.failures),
        statuses=STATUSES, severities=SEVERITIES,
        topics=tuple((t, topic_label(t)) for t in topics),
    )
