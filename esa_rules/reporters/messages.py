"""What a gap's one-line explanation adds to its message, without saying anything twice.

The engine folds its first reason into the message, often in other words: "forbidden wording in Article
27.6" comes with the reason "wording that defeats the provision in Article 27.6". A reason is news only
when it names a quoted word or a place the message does not.
"""

from __future__ import annotations

import re

from esa_rules.report import Finding

_QUOTED = re.compile(r"'[^']+'")


def _units(finding: Finding) -> set[str]:
    units = {ev.unit for ev in finding.evidence}
    if finding.nearest is not None:
        units.add(finding.nearest.unit)
    return units


def _facts(text: str, units: set[str]) -> set[str]:
    """The quoted words and the draft's places a piece of text names."""
    return set(_QUOTED.findall(text)) | {unit for unit in units if unit in text}


def _is_news(text: str, said: str, units: set[str]) -> bool:
    if text in said:
        return False
    facts = _facts(text, units)
    return not facts or not facts <= _facts(said, units)


def new_reasons(finding: Finding) -> list[str]:
    """Reasons that tell the reader something the message does not."""
    units = _units(finding)
    return [r for r in finding.reasons if _is_news(r, finding.message, units)]


def forbidden_words(finding: Finding) -> str | None:
    """For a violation, the forbidden words themselves, unless the message or a reason quotes them."""
    words = [ev.quote[m.start:m.end] for ev in finding.evidence if ev.role == "forbid" for m in ev.matches]
    if finding.status != "violated" or not words:
        return None
    text = "forbidden wording: " + ", ".join(f"'{w}'" for w in dict.fromkeys(words))
    said = " ".join((finding.message, *finding.reasons))
    return text if set(_QUOTED.findall(text)) - set(_QUOTED.findall(said)) else None


def nearest_is_new(finding: Finding) -> bool:
    return finding.nearest is not None and finding.nearest.unit not in finding.message


def explanation(finding: Finding) -> list[str]:
    """The message, then what the reasons and the forbidden words add to it."""
    extra = forbidden_words(finding)
    return [p for p in (finding.message, *new_reasons(finding), extra) if p]
