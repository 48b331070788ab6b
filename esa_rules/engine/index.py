"""Everything the evaluator needs about one document, computed once: folded text, term hits, scopes.

Hits live in folded-text offsets (that is where the automaton ran); units live in original offsets. The
``origin`` map of the fold converts folded -> original; ``to_folded`` converts back by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property

import attrs

from esa_rules.document import RANK, Document, Unit
from esa_rules.normalize import Folded, OffsetMap, fold
from esa_rules.segment import sentences

_CHECKPOINT = 4096  # spacing of the word-count checkpoints used for near/N distances


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


class DocIndex:
    def __init__(self, doc: Document, term_hits: Sequence[list[tuple[int, int]]], folded: Folded) -> None:
        self.doc = doc
        self.folded = folded
        self.term_hits = term_hits
        self.term_starts = [[h[0] for h in hits] for hits in term_hits]
        self._scopes: dict[str, list[Scope]] = {}
        self._scope_start_lists: dict[str, list[int]] = {}
        self._sentences: dict[int, list[tuple[int, int]]] = {}

    @classmethod
    def build(cls, doc: Document, scan: object) -> DocIndex:
        folded = fold(doc.text)
        return cls(doc, scan(folded.text), folded)  # type: ignore[operator]

    # --- coordinates ----------------------------------------------------------------------------

    def to_folded(self, offset: int) -> int:
        origin = self.folded.origin
        if isinstance(origin, OffsetMap):
            return origin.folded_offset(offset)
        return bisect_left(origin, offset)

    def to_original(self, foffset: int) -> int:
        return self.folded.origin[foffset]

    @cached_property
    def _word_checkpoints(self) -> list[int]:
        text, counts, total = self.folded.text, [0], 0
        for i in range(0, len(text), _CHECKPOINT):
            total += text.count(" ", i, i + _CHECKPOINT)
            counts.append(total)
        return counts

    def word_index(self, foffset: int) -> int:
        """How many words precede a folded offset (folded text separates words by single spaces)."""
        block = foffset // _CHECKPOINT
        return self._word_checkpoints[block] + self.folded.text.count(" ", block * _CHECKPOINT, foffset)

    # --- structure ------------------------------------------------------------------------------

    def scopes(self, kind: str) -> list[Scope]:
        if kind not in self._scopes:
            if kind == "sentence":
                result = [
                    Scope(sc.unit, s, e, self.to_folded(s), self.to_folded(e))
                    for sc in self.scopes("paragraph")
                    for s, e in self.sentences_in(sc.unit)
                ]
            else:
                result = [
                    Scope(u, u.start, u.end, self.to_folded(u.start), self.to_folded(u.end))
                    for u in scope_units(self.doc.root, kind)
                ]
            self._scopes[kind] = result
        return self._scopes[kind]

    def scope_of(self, kind: str, foffset: int) -> int | None:
        """Index of the scope of ``kind`` containing a folded offset."""
        scopes = self.scopes(kind)
        starts = self._scope_starts(kind)
        i = bisect_right(starts, foffset) - 1
        if i >= 0 and scopes[i].fstart <= foffset < scopes[i].fend:
            return i
        return None

    def _scope_starts(self, kind: str) -> list[int]:
        if kind not in self._scope_start_lists:
            self._scope_start_lists[kind] = [s.fstart for s in self.scopes(kind)]
        return self._scope_start_lists[kind]

    def leaf_at(self, offset: int) -> Unit:
        """The deepest unit containing ``offset`` (a heading offset belongs to the unit it heads)."""
        return self.doc.unit_path(min(offset, max(0, len(self.doc.text) - 1)))[-1]

    def sentences_in(self, unit: Unit) -> list[tuple[int, int]]:
        key = id(unit)
        if key not in self._sentences:
            self._sentences[key] = sentences(self.doc.text, unit.start, unit.end) or [(unit.start, unit.end)]
        return self._sentences[key]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence (original offsets) containing ``offset``, within its leaf unit."""
        leaf = self.leaf_at(offset)
        spans = self.sentences_in(leaf)
        i = max(0, bisect_right([s for s, _ in spans], offset) - 1)
        return spans[i]

    @cached_property
    def heading_spans(self) -> list[tuple[int, int]]:
        """Folded spans of every unit heading, sorted."""
        spans = [(self.to_folded(u.heading_span[0]), self.to_folded(u.heading_span[1]))
                 for u in self.doc.units() if u.heading_span]
        return sorted(spans)

    def in_heading(self, foffset: int) -> bool:
        i = bisect_right(self.heading_spans, (foffset, 1 << 62)) - 1
        return i >= 0 and self.heading_spans[i][0] <= foffset < self.heading_spans[i][1]

    def ancestors(self, unit: Unit) -> list[Unit]:
        """``unit`` and the units enclosing it, innermost first."""
        path = self.doc.unit_path(unit.start)
        for i, candidate in enumerate(path):
            if candidate is unit:
                return path[i::-1]
        return [unit, *reversed(path)]

    def hits_in(self, term: int, fstart: int, fend: int) -> list[tuple[int, int]]:
        starts = self.term_starts[term]
        lo, hi = bisect_left(starts, fstart), bisect_left(starts, fend)
        return [h for h in self.term_hits[term][lo:hi] if h[1] <= fend]
