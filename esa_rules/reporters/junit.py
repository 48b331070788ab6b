"""JUnit XML for CI test tabs: one testsuite per document, one testcase per provision.

A gap at or above ``fail_on`` is a ``<failure>``; a waived finding is ``<skipped>`` with its
justification; gaps below the threshold pass but say so in ``<system-out>``, so the CI view still
tells the reader about them without failing the build.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from esa_rules.report import GAP_STATUSES, DocumentResult, Finding, Report

# Characters XML 1.0 cannot carry at all; a draft pasted from a PDF can contain them.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _details(finding: Finding) -> str:
    lines = [f"{finding.provision} {finding.title} [{finding.topic}, {finding.severity}]: {finding.status}"]
    if finding.message:
        lines.append(finding.message)
    lines += [f"why weak/violated: {reason}" for reason in finding.reasons]
    for ev in finding.evidence:
        lines.append(f"{ev.unit} (line {ev.line}, {ev.role}): {ev.quote}")
    if finding.nearest is not None:
        lines.append(f"nearest: {finding.nearest.unit} (line {finding.nearest.line}), "
                     f"lacks {', '.join(finding.nearest.lacks) or '-'}")
    if finding.suggest and finding.status in GAP_STATUSES:
        lines.append(f"model wording: {finding.suggest}")
    return _clean("\n".join(lines))


def _testcase(doc: DocumentResult, finding: Finding, fail_on: str) -> ET.Element:
    line, _ = finding.anchor
    case = ET.Element("testcase", {
        "name": _clean(f"{finding.provision} {finding.title}"),
        "classname": _clean(doc.path),
        "file": _clean(doc.path),
        "line": str(line),
        "time": "0",
    })
    if finding.fails(fail_on):
        failure = ET.SubElement(case, "failure", {
            "message": _clean(f"{finding.status}: {finding.message}" if finding.message else finding.status),
            "type": finding.status,
        })
        failure.text = _details(finding)
    elif finding.status == "waived":
        ET.SubElement(case, "skipped", {"message": _clean(f"waived: {finding.waiver or 'no reason given'}")})
    elif finding.status in GAP_STATUSES:
        ET.SubElement(case, "system-out").text = "below --fail-on threshold\n" + _details(finding)
    return case


def _suite(doc: DocumentResult, fail_on: str) -> ET.Element:
    cases = [_testcase(doc, f, fail_on) for f in doc.findings]
    failures = sum(1 for c in cases if c.find("failure") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    suite = ET.Element("testsuite", {
        "name": _clean(doc.path),
        "tests": str(len(cases)),
        "failures": str(failures),
        "errors": "0",
        "skipped": str(skipped),
        "time": "0",
    })
    suite.extend(cases)
    return suite


def _failure_suite(report: Report) -> ET.Element:
    # Unreadable inputs are errors of the run, not of a provision: one testcase each.
    suite = ET.Element("testsuite", {
        "name": "esa-rules inputs", "tests": str(len(report.failures)), "failures": "0",
        "errors": str(len(report.failures)), "skipped": "0", "time": "0",
    })
    for failure in report.failures:
        case = ET.SubElement(suite, "testcase", {"name": "read", "classname": _clean(failure.path), "time": "0"})
        message = _clean(failure.message)
        ET.SubElement(case, "error", {"message": message, "type": "input"}).text = message
    return suite


def render(report: Report, *, fail_on: str = "error") -> str:
    suites = [_suite(doc, fail_on) for doc in report.documents]
    if report.failures:
        suites.append(_failure_suite(report))
    root = ET.Element("testsuites", {
        "name": "esa-rules",
        "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
        "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
        "errors": str(sum(int(s.get("errors", "0")) for s in suites)),
        "skipped": str(sum(int(s.get("skipped", "0")) for s in suites)),
        "time": "0",
    })
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
