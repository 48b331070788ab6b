"""Evidence as a reader sees it: one quoted sentence per place, its matched words marked, long ones trimmed.

The engine emits one Evidence per role, so a weak clause arrives twice: the sentence with its matched
terms, and the same sentence with the soft words that weakened it. A reader wants that sentence once,
with both kinds of words marked; ``quoted`` merges them. Text-based reporters share this module so the
terminal, the HTML page and the CI formats quote the same words.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from esa_rules.report import Evidence, Match

ROLE_LABELS = {
    "require": "Matched clause",
    "forbid": "Forbidden wording",
    "soft-wording": "Soft wording",
    "carve-out": "Carved out of dispute settlement",
    "non-binding": "Non-binding declaration",
    "denial": "Wording that denies the obligation",
}


@attrs.frozen
class Segment:
    text: str
    term: str | None = None  # set when this piece of the quote is a matched phrase


@attrs.frozen
class Quoted:
    """One sentence of the draft, with every role it plays for a finding and all its matched words."""

    unit: str
    line: int
    page: int | None
    roles: tuple[str, ...]
    quote: str
    matches: tuple[Match, ...]

    @property
    def label(self) -> str:
        words = [ROLE_LABELS.get(role, role) for role in self.roles]
        return " and ".join([words[0], *(w.lower() for w in words[1:])])


def quoted(evidence: Iterable[Evidence]) -> list[Quoted]:
    """Evidence merged by sentence (unit and quote), in the order the engine gave it."""
    merged: dict[tuple[str, int, str], Quoted] = {}
    for ev in evidence:
        key = (ev.unit, ev.line, ev.quote)
        seen = merged.get(key)
        if seen is None:
            merged[key] = Quoted(ev.unit, ev.line, ev.page, (ev.role,), ev.quote, ev.matches)
        else:
            roles = seen.roles if ev.role in seen.roles else (*seen.roles, ev.role)
            merged[key] = attrs.evolve(seen, roles=roles, matches=(*seen.matches, *ev.matches))
    return list(merged.values())


def _spans(quote: str, matches: Iterable[Match]) -> list[tuple[int, int, str]]:
    """Match spans clipped to the quote, sorted, overlapping ones merged (the first term names the whole)."""
    spans = sorted((max(0, m.start), min(len(quote), m.end), m.term) for m in matches)
    merged: list[tuple[int, int, str]] = []
    for start, end, term in spans:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            first, last, first_term = merged[-1]
            merged[-1] = (first, max(last, end), first_term)
        else:
            merged.append((start, end, term))
    return merged


def segments(quote: str, ev: Evidence | Quoted) -> tuple[Segment, ...]:
    """Split a quote into plain and highlighted pieces; overlapping matches merge into one highlight."""
    out: list[Segment] = []
    cursor = 0
    for start, end, term in _spans(quote, ev.matches):
        if start > cursor:
            out.append(Segment(quote[cursor:start]))
        out.append(Segment(quote[start:end], term))
        cursor = end
    if cursor < len(quote):
        out.append(Segment(quote[cursor:]))
    return tuple(out)


def trimmed(pieces: tuple[Segment, ...], context: int = 70) -> tuple[Segment, ...]:
    """Keep the matched words and ``context`` characters either side of them; elide longer stretches
    of plain text with "…" so a 400-character sentence reads as the few words that decided it."""
    if not any(p.term for p in pieces):
        return pieces
    out: list[Segment] = []
    for i, piece in enumerate(pieces):
        if piece.term:
            out.append(piece)
            continue
        text = piece.text
        first, last = i == 0, i == len(pieces) - 1
        keep = context if (first or last) else 2 * context
        if len(text) <= keep + 10:  # eliding a few characters would save nothing
            out.append(piece)
        elif first:
            out.append(Segment("… " + _word_start(text[-context:])))
        elif last:
            out.append(Segment(_word_end(text[:context]) + " …"))
        else:
            out.append(Segment(_word_end(text[:context]) + " … " + _word_start(text[-context:])))
    return tuple(out)


def _word_start(text: str) -> str:
    """Drop a partial word at the start (the cut fell inside it)."""
    space = text.find(" ")
    return text[space + 1:] if 0 <= space < len(text) - 1 else text


def _word_end(text: str) -> str:
    space = text.rfind(" ")
    return text[:space] if space > 0 else text
