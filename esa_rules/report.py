"""Verdicts: frozen records with a fixed order. Reporters render these; they never compute them."""

from __future__ import annotations

from collections import Counter

import attrs

from esa_rules.levels import GAP_STATUSES, SEVERITIES, STATUSES, Severity

__all__ = ["GAP_STATUSES", "SEVERITIES", "STATUSES", "DocumentResult", "Evidence", "Finding", "InputFailure",
           "Match", "Nearest", "Report", "RulesetInfo", "fails"]


def fails(status: str, severity: str, fail_on: str) -> bool:
    """Whether a finding of this status and severity fails a run at threshold ``fail_on``
    (error|warning|info|never): only gaps can, and only at or above the threshold."""
    return fail_on != "never" and status in GAP_STATUSES and Severity(severity).rank >= Severity(fail_on).rank


@attrs.frozen
class Match:
    """A matched phrase, as offsets into the evidence quote (so reporters can highlight it)."""

    term: str
    start: int
    end: int


@attrs.frozen
class Evidence:
    unit: str  # label: "Article 3.2, paragraph 1"
    eid: str
    line: int
    column: int
    end_line: int
    quote: str  # the sentence carrying the match, whitespace collapsed
    matches: tuple[Match, ...] = ()
    strength: str = "binding"
    role: str = "require"  # "require" | "forbid" | "soft-wording" | "carve-out" | "non-binding"
    page: int | None = None
    key: str | None = None  # content-based unit key, where the reader computed one


@attrs.frozen
class Nearest:
    unit: str
    eid: str
    line: int
    lacks: tuple[str, ...]  # in plain words: the rule author's descriptions, else samples of phrases
    has: tuple[str, ...] = ()
    reason: str | None = None  # why it fails though it lacks nothing ("not close enough together")


@attrs.frozen
class Finding:
    provision: str
    title: str
    topic: str
    severity: str
    status: str
    message: str
    evidence: tuple[Evidence, ...] = ()
    nearest: Nearest | None = None
    suggest: str | None = None
    reasons: tuple[str, ...] = ()  # why weak / violated, in words
    why: str | None = None
    source: str | None = None
    ruleset: str = ""
    waiver: str | None = None  # the justification, when status is "waived"
    waived_status: str | None = None  # the gap status (weak/missing/violated) a waiver covered

    def fails(self, fail_on: str) -> bool:
        return fails(self.status, self.severity, fail_on)

    @property
    def anchor(self) -> tuple[int, int]:
        """Line and column a diagnostic points at: the evidence, else the nearest unit, else 1:1."""
        if self.evidence:
            return self.evidence[0].line, self.evidence[0].column
        if self.nearest is not None:
            return self.nearest.line, 1
        return 1, 1


@attrs.frozen
class DocumentResult:
    path: str
    sha256: str
    title: str | None
    findings: tuple[Finding, ...]
    format: str = "text"
    notices: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        c = Counter(f.status for f in self.findings)
        return {s: c.get(s, 0) for s in STATUSES}


@attrs.frozen
class RulesetInfo:
    name: str
    version: str
    sha256: str
    title: str = ""
    path: str = ""


@attrs.frozen
class InputFailure:
    """A file of the batch that could not be read; reported, and the run exits 2 at the end."""

    path: str
    message: str


@attrs.frozen
class Report:
    rulesets: tuple[RulesetInfo, ...]
    documents: tuple[DocumentResult, ...]
    failures: tuple[InputFailure, ...] = ()
    tool_version: str = "0.1.0"
    skipped: tuple[str, ...] = ()  # files met in folders that no reader handles (named, never dropped silently)

    def summary(self) -> dict[str, int]:
        totals = Counter[str]()
        for doc in self.documents:
            totals.update(doc.counts())
        return {"documents": len(self.documents), **{s: totals.get(s, 0) for s in STATUSES}}

    def failing(self, fail_on: str) -> list[tuple[DocumentResult, Finding]]:
        """Findings that fail a run at threshold ``fail_on`` (error|warning|info|never)."""
        return [(doc, f) for doc in self.documents for f in doc.findings if f.fails(fail_on)]

