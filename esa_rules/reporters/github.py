"""GitHub Actions workflow commands, so gaps appear as annotations on the pull request's files.

Findings that fail the run at ``fail_on`` are ``::error``; other gaps are ``::warning`` or ``::notice``
by severity, and waived findings are a ``::notice`` carrying the justification. The values are escaped
the way the Actions runner unescapes them (``%``, CR and LF everywhere; ``:`` and ``,`` in properties).
"""

from __future__ import annotations

from esa_rules.report import GAP_STATUSES, Finding, Report
from esa_rules.reporters.messages import explanation, nearest_is_new


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _level(finding: Finding, fail_on: str) -> str | None:
    if finding.status == "waived":
        return "notice"
    if finding.status not in GAP_STATUSES:
        return None
    if finding.fails(fail_on):
        return "error"
    return "notice" if finding.severity == "info" else "warning"


def _message(finding: Finding) -> str:
    if finding.status == "waived":
        return f"{finding.waived_status or 'gap'} waived: {finding.waiver or 'no reason given'}"
    lines = [f"{finding.status}: {finding.message}" if finding.message else finding.status]
    lines += explanation(finding)[1 if finding.message else 0:]
    if finding.nearest is not None and nearest_is_new(finding):
        lines.append(f"Nearest clause: {finding.nearest.unit}; lacks {', '.join(finding.nearest.lacks) or '-'}")
    if finding.suggest:
        lines.append(f"Model wording: {finding.suggest}")
    return "\n".join(lines)


def render(report: Report, *, fail_on: str = "error") -> str:
    commands: list[str] = []
    for doc in report.documents:
        for finding in doc.findings:
            level = _level(finding, fail_on)
            if level is None:
                continue
            line, column = finding.anchor
            props = [f"file={escape_property(doc.path)}", f"line={line}", f"col={column}"]
            if finding.evidence and finding.evidence[0].end_line > line:
                props.append(f"endLine={finding.evidence[0].end_line}")
            title = f"{finding.provision} {finding.title} ({finding.severity})"
            props.append(f"title={escape_property(title)}")
            commands.append(f"::{level} {','.join(props)}::{escape_data(_message(finding))}")
    for failure in report.failures:
        commands.append(f"::error file={escape_property(failure.path)}::{escape_data(failure.message)}")
    return "".join(c + "\n" for c in commands)
