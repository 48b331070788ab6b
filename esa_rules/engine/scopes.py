"""Scopes: the regions a clause is evaluated in (units, and the sentences of a paragraph, split only when
first looked at), and how a heading laid out over several blocks stays one sentence."""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING

import attrs

from esa_rules.document import RANK, Unit

if TYPE_CHECKING:
    from esa_rules.engine.index import DocIndex


@attrs.frozen
class Scope:
    """A region that a clause is evaluated in: a unit (or one sentence of it), in both coordinate systems."""

    unit: Unit
    start: int
    end: int
    fstart: int
    fend: int


def scope_units(root: Unit, kind: str) -> list[Unit]:
    """The units a scope of ``kind`` ranges over: the largest units at or below that level.

    A region that has no unit of that level (an unnumbered preamble, a chapter without articles) is
    covered by the finest unit that does contain it, so nothing in the document escapes evaluation.
    """
    limit = RANK[kind]
    found: list[Unit] = []
    stack = [root]
    while stack:
        unit = stack.pop()
        if RANK.get(unit.kind, 0) <= limit or not unit.children:
            found.append(unit)
        else:
            stack.extend(reversed(unit.children))
    return found


def heading_whole(spans: list[tuple[int, int]], heading: tuple[int, int] | None) -> list[tuple[int, int]]:
    """A unit's heading is one sentence, however its number and title are laid out: "PART A" over
    "BINDING COMMITMENTS" is one line block in a .txt but two blocks (a blank line between) in .docx or
    .md, and what the heading says must read the same in both."""
    if heading is None:
        return spans
    inside = [s for s in spans if s[0] < heading[1] and heading[0] < s[1]]  # ("# PART A" starts before it)
    if len(inside) < 2:
        return spans
    merged = (inside[0][0], inside[-1][1])
    return [s for s in spans if s[1] <= merged[0]] + [merged] + [s for s in spans if s[0] >= merged[1]]


def most_covered(held: list[set[int]], limit: int) -> list[tuple[int, set[int]]]:
    """The ``limit`` keys that most of the ``held`` sets (one per group of terms: the scopes holding one of
    its terms) contain, best first and in key order among equals, each with the indices of those sets.
    Counted in C, since a common word is in hundreds of paragraphs and a clause has dozens of groups."""
    counts = Counter(chain.from_iterable(held))
    best = heapq.nsmallest(limit, counts, key=lambda k: (-counts[k], k))
    return [(k, {g for g, keys in enumerate(held) if k in keys}) for k in best]


KEY_BITS = 24  # a sentence key is (paragraph index << KEY_BITS) | sentence index within the paragraph


class SentenceScopes(Sequence[Scope]):
    """The sentence scopes of a document, split from their paragraph only when first looked at."""

    def __init__(self, index: DocIndex) -> None:
        self._index = index
        self._paragraphs = index.scopes("paragraph")
        self._split: dict[int, tuple[list[Scope], list[int]]] = {}

    def _sentences(self, p: int) -> tuple[list[Scope], list[int]]:
        got = self._split.get(p)
        if got is None:
            index, unit = self._index, self._paragraphs[p].unit
            spans = index.sentences_in(unit)
            to_folded = index.to_folded_many(x for span in spans for x in span)
            scopes = [Scope(unit, s, e, to_folded[s], to_folded[e]) for s, e in spans]
            got = self._split[p] = (scopes, [sc.fstart for sc in scopes])
        return got

    def key_of(self, foffset: int) -> int | None:
        # Sentences lie inside their paragraph, so the paragraph holding the offset holds its sentence.
        p = self._index.scope_of("paragraph", foffset)
        return None if p is None else self.key_in(p, foffset)

    def key_in(self, p: int, foffset: int) -> int | None:
        scopes, starts = self._sentences(p)
        j = bisect_right(starts, foffset) - 1
        if j >= 0 and foffset < scopes[j].fend:
            return (p << KEY_BITS) | j
        return None

    def __getitem__(self, key: int) -> Scope:  # type: ignore[override]
        return self._sentences(key >> KEY_BITS)[0][key & ((1 << KEY_BITS) - 1)]

    def __iter__(self) -> Iterator[Scope]:
        for p in range(len(self._paragraphs)):
            yield from self._sentences(p)[0]

    def __len__(self) -> int:
        return sum(len(self._sentences(p)[0]) for p in range(len(self._paragraphs)))
