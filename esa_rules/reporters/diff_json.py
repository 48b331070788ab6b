"""Draft comparison as JSON, schema "esa-rules.diff/1": the report's evidence shape on each side."""

from __future__ import annotations

import json
from typing import Any

from esa_rules.diff import Diff, EvidenceChange, ProvisionChange
from esa_rules.report import Evidence, Finding

SCHEMA = "esa-rules.diff/1"


def _evidence(ev: Evidence | None) -> dict[str, Any] | None:
    if ev is None:
        return None
    return {"unit": ev.unit, "eid": ev.eid, "line": ev.line, "column": ev.column, "end_line": ev.end_line,
            "role": ev.role, "quote": ev.quote,
            "matches": [{"term": m.term, "start": m.start, "end": m.end} for m in ev.matches]}


def _side(finding: Finding | None) -> dict[str, Any] | None:
    if finding is None:
        return None
    side: dict[str, Any] = {"status": finding.status, "message": finding.message}
    if finding.waived_status:
        side["waived_status"] = finding.waived_status
        side["waiver"] = finding.waiver
    if finding.nearest is not None:
        side["nearest"] = {"unit": finding.nearest.unit, "line": finding.nearest.line,
                           "lacks": list(finding.nearest.lacks)}
    return side


def _pair(ev: EvidenceChange) -> dict[str, Any]:
    return {"kind": ev.kind, "old": _evidence(ev.old), "new": _evidence(ev.new)}


def _change(c: ProvisionChange) -> dict[str, Any]:
    return {"provision": c.provision, "title": c.title, "topic": c.topic, "severity": c.severity,
            "change": c.change, "regression": c.regression, "old": _side(c.old), "new": _side(c.new),
            "evidence": [_pair(ev) for ev in c.evidence]}


def render_json(diff: Diff) -> str:
    data = {
        "schema": SCHEMA,
        "documents": [{"old": d.old_path, "new": d.new_path, "changes": [_change(c) for c in d.changes],
                       "summary": d.counts()} for d in diff.documents],
        "summary": {**diff.counts(), "regressions": len(diff.regressions)},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
