"""Evidence as a reader sees it: one quoted sentence per place, its matched words marked, long ones trimmed.

The engine emits one Evidence per role, so a weak clause arrives twice: the sentence with its matched
terms, and the same sentence with the soft words that weakened it. A reader wants that sentence once,
with both kinds of words marked; ``quoted`` merges them. Text-based reporters share this module so the
terminal, the HTML page and the CI formats quote the same words.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from esa_rules.report import Evidence

ROLE_LABELS = {
    "require": "Matched clause",
    "forbid": "Forbidden wording",
    "soft-wording": "Soft wording",
    "carve-out": "Carved out of dispute settlement",
    "non-binding": "Non-binding declaration",
    "denial": "Wording that denies the obligation",
    # words a link carried into the matched clause (engine/structure.py, ``cites``)
    "definition": "Definition it relies on",
    "reference": "Provision it refers to",
    "antecedent": "What it refers back to",
}


@attrs.frozen
class Segment:
    text: str
    term: str | None = None  # set when this piece of the quote is a matched phrase
    role: str | None = None  # the role of the evidence the match came from: "require", "soft-wording", ...


@attrs.frozen
class Mark:
    """A matched phrase of a quote and the role of the evidence that found it."""

    start: int
    end: int
    term: str
    role: str


@attrs.frozen
class Quoted:
    """One sentence of the draft, with every role it plays for a finding and all its matched words."""

    unit: str
    line: int
    page: int | None
    roles: tuple[str, ...]
    quote: str
    marks: tuple[Mark, ...]
    strength: str = "binding"  # of the first evidence: the matched clause, where there is one

    @property
    def label(self) -> str:
        words = [ROLE_LABELS.get(role, role) for role in self.roles]
        return " and ".join([words[0], *(w.lower() for w in words[1:])])


def marks(ev: Evidence) -> tuple[Mark, ...]:
    return tuple(Mark(m.start, m.end, m.term, ev.role) for m in ev.matches)


def quoted(evidence: Iterable[Evidence]) -> list[Quoted]:
    """Evidence merged by sentence (unit and quote), in the order the engine gave it."""
    merged: dict[tuple[str, int, str], Quoted] = {}
    for ev in evidence:
        key = (ev.unit, ev.line, ev.quote)
        seen = merged.get(key)
        if seen is None:
            merged[key] = Quoted(ev.unit, ev.line, ev.page, (ev.role,), ev.quote, marks(ev), ev.strength)
        else:
            roles = seen.roles if ev.role in seen.roles else (*seen.roles, ev.role)
            merged[key] = attrs.evolve(seen, roles=roles, marks=(*seen.marks, *marks(ev)))
    return list(merged.values())


def _spans(quote: str, found: Iterable[Mark]) -> list[Mark]:
    """Marks clipped to the quote, sorted, overlapping ones merged (the first names the whole)."""
    spans = sorted(
        (Mark(max(0, m.start), min(len(quote), m.end), m.term, m.role) for m in found),
        key=lambda m: (m.start, m.end, m.term, m.role),
    )
    merged: list[Mark] = []
    for mark in spans:
        if mark.start >= mark.end:
            continue
        if merged and mark.start <= merged[-1].end:
            merged[-1] = attrs.evolve(merged[-1], end=max(merged[-1].end, mark.end))
        else:
            merged.append(mark)
    return merged


def segments(quote: str, source: Evidence | Quoted) -> tuple[Segment, ...]:
    """Split a quote into plain and highlighted pieces; overlapping matches merge into one highlight."""
    found = source.marks if isinstance(source, Quoted) else marks(source)
    out: list[Segment] = []
    cursor = 0
    for mark in _spans(quote, found):
        if mark.start > cursor:
            out.append(Segment(quote[cursor:mark.start]))
        out.append(Segment(quote[mark.start:mark.end], mark.term, mark.role))
        cursor = mark.end
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
