"""GitHub Actions workflow commands, so gaps appear as annotations on the pull request's files.

Findings that fail the run at ``fail_on`` are ``::error``; other gaps are ``::warning`` or ``::notice``
by severity, and waived findings are a ``::notice`` carrying the justification. The values are escaped
the way the Actions runner unescapes them (``%``, CR and LF everywhere; ``:`` and ``,`` in properties).

GitHub shows only the first 10 annotations of each kind per step and drops the rest without a word, so
only the ``max_annotations`` most severe are printed, after one summary notice that counts them all and
says where the others are (the SARIF results in code scanning, or the full report).
"""

from __future__ import annotations

from collections import Counter

from esa_rules.levels import BY_GRAVITY, Severity, Status
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


MAX_ANNOTATIONS = 10  # what GitHub shows per kind and step
_LEVEL_RANK = {"error": 0, "warning": 1, "notice": 2}


def _rank(finding: Finding, level: str) -> tuple[int, int, int, int]:
    """Most severe first: failing the run, then how bad the gap is, then the provision's severity."""
    status = Status(finding.waived_status or finding.status)
    gravity = BY_GRAVITY.index(status) if status in BY_GRAVITY else len(BY_GRAVITY)
    return _LEVEL_RANK[level], int(finding.status == "waived"), gravity, -Severity(finding.severity).rank


def _summary(report: Report, fail_on: str, shown: int, total: int) -> str:
    gaps = sum(1 for d in report.documents for f in d.findings if f.status in GAP_STATUSES)
    failing = len(report.failing(fail_on))
    docs = len(report.documents)
    waived = sum(1 for d in report.documents for f in d.findings if f.status == "waived")
    text = (f"{gaps} gap{'s' if gaps != 1 else ''} in {docs} document{'s' if docs != 1 else ''}"
            + (f", {failing} failing the run (--fail-on {fail_on})" if fail_on != "never" else "")
            + (f"; {waived} waived" if waived else "") + ". ")
    if shown < total:
        text += (f"The {shown} most severe of {total} annotations are shown; {total - shown} more are in the "
                 "SARIF results (code scanning) and in the full report (esa-rules check -f html).")
    else:
        text += "All are annotated; the full report, satisfied provisions too: esa-rules check -f html."
    return f"::notice title=esa-rules summary::{escape_data(text)}"


def render(report: Report, *, fail_on: str = "error", max_annotations: int = MAX_ANNOTATIONS) -> str:
    """``max_annotations``: how many annotations to print, most severe first (0: all of them)."""
    # Among equally severe annotations, documents take turns (the key's second and third parts), so
    # the first ten do not all land on the first draft of a folder.
    ranked: list[tuple[tuple[int, ...], int, int, str]] = []
    for number, doc in enumerate(report.documents):
        turns: Counter[tuple[int, ...]] = Counter()
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
            command = f"::{level} {','.join(props)}::{escape_data(_message(finding))}"
            rank = _rank(finding, level)
            turns[rank] += 1
            ranked.append((rank, turns[rank], number, command))
    ranked.sort()
    limit = max_annotations if max_annotations > 0 else len(ranked)
    # an unreadable draft is always annotated: no SARIF result or report stands in for it
    commands = [f"::error file={escape_property(f.path)}::{escape_data(f.message)}" for f in report.failures]
    commands += [command for *_, command in ranked[:limit]]
    summary = _summary(report, fail_on, min(limit, len(ranked)), len(ranked))
    return "".join(c + "\n" for c in [summary, *commands])
