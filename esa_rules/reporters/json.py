"""The JSON report contract ``esa-rules.report/1`` (ARCHITECTURE section 5). Deterministic bytes."""

from __future__ import annotations

import json
from typing import Any

from esa_rules.report import DocumentResult, Evidence, Finding, Report

SCHEMA = "esa-rules.report/1"


def _evidence(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {
        "unit": e.unit, "eid": e.eid, "line": e.line, "column": e.column, "end_line": e.end_line,
        "quote": e.quote, "matches": [{"term": m.term, "start": m.start, "end": m.end} for m in e.matches],
        "strength": e.strength, "role": e.role,
    }
    if e.page is not None:
        out["page"] = e.page
    if e.key is not None:
        out["key"] = e.key
    return out


def finding_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "provision": f.provision, "title": f.title, "topic": f.topic, "severity": f.severity,
        "status": f.status, "message": f.message, "evidence": [_evidence(e) for e in f.evidence],
        "nearest": None if f.nearest is None else {
            "unit": f.nearest.unit, "eid": f.nearest.eid, "line": f.nearest.line,
            "lacks": list(f.nearest.lacks), "has": list(f.nearest.has),
        },
        "suggest": f.suggest, "reasons": list(f.reasons), "ruleset": f.ruleset,
    }
    if f.waiver is not None:
        out["waiver"] = f.waiver
    return out


def document_dict(d: DocumentResult) -> dict[str, Any]:
    out: dict[str, Any] = {"path": d.path, "sha256": d.sha256, "title": d.title, "format": d.format,
                           "findings": [finding_dict(f) for f in d.findings]}
    if d.notices:
        out["notices"] = list(d.notices)
    return out


def report_dict(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "tool": {"name": "esa-rules", "version": report.tool_version},
        "rulesets": [{"name": r.name, "version": r.version, "sha256": r.sha256} for r in report.rulesets],
        "documents": [document_dict(d) for d in report.documents],
        "summary": report.summary(),
    }
    if report.failures:
        out["errors"] = [{"path": f.path, "message": f.message} for f in report.failures]
    if report.skipped:
        out["skipped"] = list(report.skipped)
    return out


def render(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
