"""The words of the review comments: what a reviewer would write in the margin of a draft.

Pure text from findings; where a comment is placed is ``docx_anchor``'s business, and the Word file
``docx``'s. Each note is a list of paragraphs: a header line ("ESA-COE-2 · missing · title"), what the
clause lacks or does wrong in plain words, then the model wording.
"""

from __future__ import annotations

import os
import re

from esa_rules.levels import STATUSES
from esa_rules.report import DocumentResult, Finding, Report

AUTHOR = "esa-rules"
INITIALS = "ER"
# Characters XML 1.0 cannot hold (a draft's quote may carry a stray control character).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", " ".join(text.split()))


def header(finding: Finding) -> str:
    return f"{finding.provision} · {finding.status} · {finding.title}"


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _lacks(finding: Finding) -> str:
    near = finding.nearest
    if near is None:
        return "Nothing in the draft comes near it."
    lacks = "; ".join(near.lacks) if near.lacks else ""
    text = f"The nearest clause is {near.unit}, "
    if lacks:
        text += f"but it lacks {lacks}."
    else:  # "has every word ..., but not close enough together", "has the words, but only in a definition ..."
        text = f"The nearest clause is {near.unit}, which {near.reason or 'has every word, but not close enough together'}."
    if near.has:
        text += f" It has {'; '.join(near.has)}."
    return text


def explanation(finding: Finding) -> list[str]:
    """What is wrong (or, for a satisfied provision, what satisfies it), in plain sentences."""
    reasons = "; ".join(finding.reasons)
    if finding.status == "missing":
        denied = any(e.role == "denial" for e in finding.evidence) and reasons
        lines = [_sentence(f"missing: {reasons}")] if denied else []
        if finding.nearest is not None or not denied:
            lines.append(_lacks(finding))
        return lines
    if finding.status == "weak":
        return [_sentence(f"only in weak form: {reasons or finding.message}")]
    if finding.status == "violated":
        return [_sentence(f"violated: {reasons or finding.message}")]
    return [_sentence(finding.message)]


def note(finding: Finding, misplaced: str | None = None) -> list[str]:
    """The paragraphs of one finding's comment. ``misplaced`` names the clause when the comment could not
    be put on it (and sits on the title instead)."""
    lines = [header(finding), *explanation(finding)]
    if finding.status != "satisfied" and finding.suggest:
        lines.append(f"Suggested wording: {finding.suggest}")
    if misplaced:
        lines.append(f"(This concerns {misplaced}, which could not be found in the Word text, so the note "
                     "sits on the title.)")
    return [clean(line) for line in lines if line.strip()]


def summary(report: Report, document: DocumentResult, comment_on: str) -> list[str]:
    """The comment on the title: counts, rulesets, and what the other comments are."""
    counts = document.counts()
    rulesets = ", ".join(f"{r.name} {r.version}".strip() for r in report.rulesets) or "none"
    lines = [
        f"esa-rules review of {os.path.basename(document.path)} · {len(document.findings)} provisions checked",
        " · ".join(f"{counts[s]} {s}" for s in STATUSES),
        f"Rulesets: {rulesets}",
        "Each gap (weak, missing, violated) has a comment on the clause it concerns"
        + ("; each satisfied provision one on its evidence." if comment_on == "all" else "."),
    ]
    waived = [f.provision for f in document.findings if f.status == "waived"]
    if waived:
        lines.append(f"Waived, so not commented: {', '.join(waived)}.")
    lines.extend(f"Note: {n}" for n in document.notices)
    return [clean(line) for line in lines]
