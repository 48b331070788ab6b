"""SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps...).

Every provision becomes a rule; every weak, missing, violated or waived finding becomes a result.
Waived findings stay in the log with a ``suppressions`` entry, so the dashboard shows them as accepted
rather than fixed. Fingerprints use the provision and the unit (its content key when a reader computed
one, else its eid), never the line, so a result keeps its identity when text above it moves.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from esa_rules.report import GAP_STATUSES, Finding, Report
from esa_rules.reporters.messages import explanation, nearest_is_new
from esa_rules.reporters.sarif_uris import Locator

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "esaProvisionUnit/v1"


def unit_identity(finding: Finding) -> str:
    """The unit a finding is about, as stable as the reader allows: content key, else eid."""
    if finding.evidence:
        first = finding.evidence[0]
        return first.key or first.eid
    if finding.nearest is not None:
        return finding.nearest.eid
    return "document"


def fingerprint(finding: Finding) -> str:
    raw = f"{finding.provision}\x1f{unit_identity(finding)}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _rule(finding: Finding) -> dict[str, Any]:
    full = finding.why or finding.title
    help_md = [f"**{finding.title}** ({finding.topic}, {finding.severity})", "", full]
    if finding.source:
        help_md += ["", f"Source: {finding.source}"]
    if finding.suggest:
        help_md += ["", "Model wording:", "", "> " + finding.suggest]
    help_text = full + (f"\nModel wording: {finding.suggest}" if finding.suggest else "")
    return {
        "id": finding.provision,
        "name": "".join(part.capitalize() for part in finding.title.split()) or finding.provision,
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": "\n".join(help_md)},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"topic": finding.topic, "ruleset": finding.ruleset, "tags": [finding.topic]},
    }


def _message(finding: Finding) -> str:
    status = finding.waived_status or finding.status
    parts = [f"{finding.provision} {finding.title}: {status}. {finding.message}".rstrip()]
    parts += explanation(finding)[1 if finding.message else 0:]
    if finding.nearest is not None and nearest_is_new(finding):
        lacks = ", ".join(finding.nearest.lacks) or "nothing listed"
        parts.append(f"Nearest clause: {finding.nearest.unit} (lacks {lacks}).")
    if finding.suggest and status == "missing":
        parts.append(f"Model wording: {finding.suggest}")
    return " ".join(p if p.endswith(".") else p + "." for p in parts)


def _location(artifact: dict[str, Any], finding: Finding) -> dict[str, Any]:
    line, column = finding.anchor
    region: dict[str, Any] = {"startLine": line, "startColumn": column}
    label = "document start"
    if finding.evidence:
        first = finding.evidence[0]
        region["endLine"] = max(first.end_line, line)
        region["snippet"] = {"text": first.quote}
        label = first.unit
    elif finding.nearest is not None:
        label = finding.nearest.unit
    return {
        "physicalLocation": {"artifactLocation": artifact, "region": region},
        "logicalLocations": [{"fullyQualifiedName": label, "kind": "module"}],
    }


def _result(artifact: dict[str, Any], finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.provision,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "kind": "fail",
        "message": {"text": _message(finding)},
        "locations": [_location(artifact, finding)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {"status": finding.waived_status or finding.status, "topic": finding.topic},
    }
    if finding.status == "waived":
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": finding.waiver or "waived"}
        ]
    return result


def render(report: Report, *, fail_on: str = "error", base: str | None = None) -> str:
    """``base``: the folder the command ran in, against which absolute input paths are made relative."""
    # fail_on does not filter SARIF: levels carry severity and dashboards filter on them.
    del fail_on
    locator = Locator([*(d.path for d in report.documents), *(f.path for f in report.failures)], base)
    rules: dict[str, dict[str, Any]] = {}
    for doc in report.documents:
        for finding in doc.findings:
            rules.setdefault(finding.provision, _rule(finding))
    order = sorted(rules)
    index = {rule_id: i for i, rule_id in enumerate(order)}
    results = [
        _result(locator.location(doc.path), finding, index[finding.provision])
        for doc in report.documents
        for finding in doc.findings
        if finding.status in GAP_STATUSES or finding.status == "waived"
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not report.failures}
    if report.failures:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": failure.message},
                "locations": [{"physicalLocation": {"artifactLocation": locator.location(failure.path)}}],
            }
            for failure in report.failures
        ]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "esa-rules",
            "version": report.tool_version,
            "semanticVersion": report.tool_version,
            "rules": [rules[rule_id] for rule_id in order],
        }},
        "invocations": [invocation],
    }
    if locator.bases:
        run["originalUriBaseIds"] = locator.bases
    run["artifacts"] = [{"location": locator.location(doc.path)} for doc in report.documents]
    run["results"] = results
    run["properties"] = {"rulesets": [f"{r.name} {r.version}" for r in report.rulesets]}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
