"""Everything the evaluator needs about one document, computed once: folded text, term hits, scopes.

Hits live in folded-text offsets (that is where the automaton ran); units live in original offsets. The
``origin`` map of the fold converts folded -> original; ``to_folded`` converts back by bisection.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from itertools import chain as chain_of
from itertools import repeat
from operator import itemgetter
from typing import Any

from esa_rules.document import Document, Unit
from esa_rules.engine.chains import chain
from esa_rules.engine.matcher import PhraseMatcher
from esa_rules.engine.proposals import split_cells
from esa_rules.engine.references import Reference, Resolver
from esa_rules.engine.scopes import KEY_BITS, Scope, SentenceScopes, heading_whole, most_covered, scope_units
from esa_rules.engine.structure import Link
from esa_rules.normalize import Folded, OffsetMap, fold
from esa_rules.segment import sentences
from esa_rules.title import title_span

_CHECKPOINT = 512  # spacing of the word-count checkpoints used for near/N distances (each count reads at most this)
class DocIndex:
    def __init__(self, doc: Document, term_hits: Sequence[list[tuple[int, int]]], folded: Folded) -> None:
        self.doc = doc
        self.folded = folded
        self.term_hits = term_hits
        self.term_starts = [list(map(itemgetter(0), hits)) for hits in term_hits]
        self._scopes: dict[str, Sequence[Scope]] = {}
        self._bounds: dict[str, tuple[list[int], list[int]]] = {}
        self._term_scopes: dict[tuple[str, int], list[int]] = {}
        self.lexicon_starts: dict[str, list[int]] | None = None  # set by Checker.index (engine.context)
        # original starts of the cue words of references ("article*", "this", ...), when the Checker scanned them
        self.cue_starts: dict[str, list[int]] | None = None
        self.cited_refs: dict[tuple[Any, ...], list[tuple[int, int, int]]] = {}  # see conditions.cited
        self.span_references: dict[tuple[int, int], list[Reference]] = {}  # see conditions._own_references
        self.cited_units: dict[tuple[Any, ...], tuple[int, int, int] | None] = {}  # see conditions._holds_in, _devoted
        self.defines: dict[tuple[Any, ...], Any] = {}  # a define's scopes and matches, shared by provisions (prefilter)
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self.real_hits = term_hits  # the words as written; term_hits gains the links' hits (add_links)
        self.real_starts = self.term_starts
        # (term, site start, site end) of a hit a link carried -> the link and the real hit it stands for
        self.origins: dict[tuple[int, int, int], tuple[Link, tuple[int, int]]] = {}
        self._in_span: dict[tuple[int, int], list[tuple[int, tuple[int, int]]]] = {}
        # the nearest-unit judge's weights of defines, per scope, shared by all provisions (engine/nearest.py)
        self.nearest_memo: dict[tuple[int, int, int], dict[Any, Any]] = {}
        # (id of a clause's plan, signature) -> (plan, how specific the words a scope has are)
        self.nearest_has: dict[tuple[int, tuple[tuple[bool, ...], ...]], tuple[Any, float]] = {}

    def starts(self, family: str, phrases: tuple[str, ...]) -> list[int]:
        """Sorted folded start offsets of a family of cue phrases ("carve-out", "reference", ...). The
        Checker scans them in its one automaton pass; an index built otherwise scans them here."""
        if self.lexicon_starts is not None and family in self.lexicon_starts:
            return self.lexicon_starts[family]
        return sorted({start for hits in _family_matcher(phrases).scan(self.folded.text) for start, _ in hits})

    def original_starts(self, family: str, phrases: tuple[str, ...]) -> list[int]:
        """``starts`` in original offsets."""
        return [self.to_original(s) for s in self.starts(family, phrases)]

    def origin(self, part: tuple[int, int, int]) -> tuple[Link, tuple[int, int]] | None:
        """The link a match part came through (and the real hit it stands for), or None for words written
        where the part is."""
        found = self.origins.get(part)
        if found is None or (part[1], part[2]) in self.hits_in(part[0], part[1], part[2], literal=True):
            return None
        return found

    @cached_property
    def _all_real(self) -> tuple[list[int], list[tuple[int, int, int]]]:
        """Every real hit of every term, sorted by start: (start, end, term), with the starts apart."""
        # the triples built by ``tuple.__add__`` in C: a generator expression per hit cost more than the sort.
        # Sorted by start alone (stable, so each term's hits keep their (start, end) order, and a start its
        # terms in order): ``terms_in`` takes each term's first hit, the same as with whole triples compared,
        # and comparing ints is cheaper than comparing tuples.
        hits: list[tuple[int, int, int]] = sorted(chain_of.from_iterable(
            map(tuple.__add__, term_hits, repeat((tid,))) for tid, term_hits in enumerate(self.real_hits)),  # type: ignore[arg-type]
            key=itemgetter(0))
        return list(map(itemgetter(0), hits)), hits

    @cached_property
    def resolver(self) -> Resolver:
        """The document's references, resolved: one resolver for the links, the declarations and ``cites``."""
        return Resolver(self.doc)

    @cached_property
    def _real_starts(self) -> list[int]:
        """The start of every real hit, sorted: sorting plain numbers is several times cheaper than the
        (start, end, term) triples of ``_all_real``, which only a span that has hits needs."""
        return sorted(chain_of.from_iterable(self.real_starts))

    def has_terms_in(self, start: int, end: int) -> bool:
        """Whether some real hit starts inside original span [start, end): a cheap test before
        ``terms_in``, which may still find none there (a hit that runs past the end)."""
        starts = self._real_starts
        i = bisect_left(starts, self.to_folded(start))
        return i < len(starts) and starts[i] < self.to_folded(end)

    def terms_in(self, start: int, end: int) -> list[tuple[int, tuple[int, int]]]:
        """(term, first real hit) for every term with a real hit inside original span [start, end)."""
        key = (start, end)
        found = self._in_span.get(key)
        if found is None:
            starts, hits = self._all_real
            fs, fe = self.to_folded(start), self.to_folded(end)
            first: dict[int, tuple[int, int]] = {}
            for s, e, tid in hits[bisect_left(starts, fs):bisect_left(starts, fe)]:
                if e <= fe:
                    first.setdefault(tid, (s, e))
            found = self._in_span[key] = sorted(first.items())
        return found

    def add_links(self, links: Iterable[Link]) -> None:
        """Give each link's site the hits of its source: a use of "Covered Transaction" then holds the
        words of its definition, a reference to Table 1 the words of the table. Call before any scope is
        looked at; ``literal`` conditions still see only the words as written."""
        added: dict[int, list[tuple[int, int]]] = {}
        links = list(links)
        carried = [self.terms_in(*link.source) for link in links]
        links, carried = chain(links, carried, self.resolver)
        # the sites converted in one merge walk over the offset map, not a bisection each
        to_folded = self.to_folded_many(x for link, sources in zip(links, carried, strict=True) if sources
                                        for x in link.site)
        origins = self.origins
        for link, sources in zip(links, carried, strict=True):
            if not sources:
                continue
            fs, fe = to_folded[link.site[0]], to_folded[link.site[1]]
            site = (fs, fe)
            for tid, hit in sources:
                added.setdefault(tid, []).append(site)
                origins.setdefault((tid, fs, fe), (link, hit))
        if not added:
            return
        hits = list(self.real_hits)
        for tid, sites in added.items():
            hits[tid] = sorted(set(hits[tid]).union(sites))
        self.term_hits = hits
        self.term_starts = [list(map(itemgetter(0), h)) if tid in added else self.real_starts[tid]
                            for tid, h in enumerate(hits)]

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

    def to_folded_many(self, offsets: Iterable[int]) -> dict[int, int]:
        """``to_folded`` of many original offsets at once, as a dict."""
        points = sorted(set(offsets))
        origin = self.folded.origin
        if isinstance(origin, OffsetMap):
            return dict(zip(points, origin.folded_offsets(points), strict=True))
        return {x: bisect_left(origin, x) for x in points}

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

    @cached_property
    def _lists(self) -> tuple[list[int], list[tuple[int, int, list[tuple[int, int]]]]]:
        """Each chapeau with its list items, in folded offsets: (chapeau start, first item start, items)."""
        found = []
        for unit in self.doc.units():
            kids = unit.children
            if len(kids) >= 2 and kids[0].start > unit.start and all(k.kind == "subparagraph" for k in kids):
                found.append((self.to_folded(unit.start), self.to_folded(kids[0].start),
                              [(self.to_folded(k.start), self.to_folded(k.end)) for k in kids]))
        found.sort()
        return [f[0] for f in found], found

    def items_between(self, at: int, later: int) -> int:
        """Words of the whole list items between a chapeau and a later folded offset: "The Group shall:
        (a) ...; (b) ...; (c) take up any question ..." says "The Group shall take up any question"."""
        starts, lists = self._lists
        i = bisect_right(starts, at) - 1
        if i < 0 or not lists[i][0] <= at < lists[i][1]:
            return 0
        skipped = 0
        for start, end in lists[i][2]:
            if end > later:
                break
            skipped += self.word_index(end) - self.word_index(start)
        return skipped

    # --- structure ------------------------------------------------------------------------------

    def scopes(self, kind: str) -> Sequence[Scope]:
        """Every scope of ``kind`` in document order, indexable by the keys ``scope_of`` returns.

        Sentence scopes are split lazily, paragraph by paragraph: a ruleset asks for sentences only
        around a few hits, and splitting every sentence of a treaty cost more than evaluating it.
        """
        found = self._scopes.get(kind)
        if found is None:
            if kind == "sentence":
                found = SentenceScopes(self)
            else:
                units = scope_units(self.doc.root, kind)
                to_folded = self.to_folded_many(x for u in units for x in (u.start, u.end))
                found = [Scope(u, u.start, u.end, to_folded[u.start], to_folded[u.end]) for u in units]
            self._scopes[kind] = found
        return found

    def scope_of(self, kind: str, foffset: int) -> int | None:
        """Key of the scope of ``kind`` containing a folded offset: its index, or for sentences an
        opaque key ordered like an index (``scopes(kind)[key]`` is the scope)."""
        if kind == "sentence":
            return self.scopes("sentence").key_of(foffset)  # type: ignore[attr-defined, no-any-return]
        bounds = self._bounds.get(kind)
        if bounds is None:
            scopes = self.scopes(kind)
            bounds = self._bounds[kind] = ([s.fstart for s in scopes], [s.fend for s in scopes])
        i = bisect_right(bounds[0], foffset) - 1
        if i >= 0 and foffset < bounds[1][i]:
            return i
        return None

    def scope_keys(self, kind: str, term: int) -> list[int]:
        """Sorted keys of the scopes of ``kind`` holding a hit of ``term``; computed once per document,
        since many provisions share a term."""
        cache_key = (kind, term)
        keys = self._term_scopes.get(cache_key)
        if keys is None:
            found: set[int] = set()
            if kind == "sentence":
                for at in self.term_starts[term]:
                    key = self.scope_of(kind, at)
                    if key is not None:
                        found.add(key)
            else:  # scope_of inlined: this runs for every hit of every term
                self.scope_of(kind, 0)
                starts, ends = self._bounds[kind]
                for at in self.term_starts[term]:
                    i = bisect_right(starts, at) - 1
                    if i >= 0 and at < ends[i]:
                        found.add(i)
            keys = self._term_scopes[cache_key] = sorted(found)
        return keys

    def best_covers(self, kind: str, groups: list[list[int]], limit: int = 1) -> list[tuple[int, set[int]]]:
        """The ``limit`` scopes of ``kind`` where most groups (lists of terms) have a hit, best first and in
        document order among equals, each with the indices of the groups it holds; empty if no group has a
        hit anywhere."""
        if kind == "sentence":
            return self._best_sentence_covers(groups, limit)
        held = [set().union(*(self.scope_keys(kind, term) for term in group)) for group in groups]
        return most_covered(held, limit)

    def _cover(self, kind: str, groups: list[list[int]]) -> dict[int, set[int]]:
        present: dict[int, set[int]] = {}
        for g, group in enumerate(groups):
            for term in group:
                for key in self.scope_keys(kind, term):
                    present.setdefault(key, set()).add(g)
        return present

    def _best_sentence_covers(self, groups: list[list[int]], limit: int) -> list[tuple[int, set[int]]]:
        # A sentence has at most the groups of its paragraph: visit paragraphs from the best covered down
        # and split only those that could still hold one of the ``limit`` best sentences.
        by_paragraph = self._cover("paragraph", groups)
        sentences, paragraphs = self.scopes("sentence"), self.scopes("paragraph")
        best: list[tuple[int, int, set[int]]] = []  # (-number of groups, key, groups), best first
        for p in sorted(by_paragraph, key=lambda k: (-len(by_paragraph[k]), k)):
            if len(best) >= limit:
                worst = best[limit - 1]
                if len(by_paragraph[p]) < -worst[0]:
                    break
                if len(by_paragraph[p]) == -worst[0] and p > worst[1] >> KEY_BITS:
                    continue  # as good at most, and later in the document
            fstart, fend = paragraphs[p].fstart, paragraphs[p].fend
            present: dict[int, set[int]] = {}
            for g in by_paragraph[p]:
                for term in groups[g]:
                    starts = self.term_starts[term]
                    for i in range(bisect_left(starts, fstart), bisect_left(starts, fend)):
                        key = sentences.key_in(p, starts[i])  # type: ignore[attr-defined]
                        if key is not None:
                            present.setdefault(key, set()).add(g)
            best = heapq.nsmallest(limit, [*best, *((-len(found), key, found) for key, found in present.items())],
                                   key=lambda b: b[:2])
        return [(key, found) for _, key, found in best]

    def sentence_keys(self, term: int, paragraphs: set[int]) -> set[int]:
        """Keys of the sentence scopes holding a hit of ``term`` inside the given paragraph scopes."""
        sentences = self.scopes("sentence")
        scope_of = self.scope_of
        found: set[int] = set()
        for start in self.term_starts[term]:
            p = scope_of("paragraph", start)
            if p in paragraphs:
                key = sentences.key_in(p, start)  # type: ignore[attr-defined]
                if key is not None:
                    found.add(key)
        return found

    def leaf_at(self, offset: int) -> Unit:
        """The deepest unit containing ``offset`` (a heading offset belongs to the unit it heads)."""
        return self.doc.unit_path(min(offset, max(0, len(self.doc.text) - 1)))[-1]

    def sentences_in(self, unit: Unit) -> list[tuple[int, int]]:
        key = id(unit)
        if key not in self._sentences:
            spans = split_cells(self.doc.text, sentences(self.doc.text, unit.start, unit.end) or [(unit.start, unit.end)])
            self._sentences[key] = heading_whole(spans, unit.heading_span)
        return self._sentences[key]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence (original offsets) containing ``offset``, within its leaf unit."""
        leaf = self.leaf_at(offset)
        spans = self.sentences_in(leaf)
        i = max(0, bisect_right([s for s, _ in spans], offset) - 1)
        return spans[i]

    @cached_property
    def title_span(self) -> tuple[int, int] | None:
        """Folded span of the document's title where the text itself carries it (``esa_rules.title.
        title_span``): it heads every unit of the text, as a chapter heading heads its articles."""
        span = title_span(self.doc.text, self.doc.title)
        return None if span is None else (self.to_folded(span[0]), self.to_folded(span[1]))

    @cached_property
    def heading_spans(self) -> list[tuple[int, int]]:
        """Folded spans of every unit heading (and the title), sorted."""
        heads = [u.heading_span for u in self.doc.units() if u.heading_span]
        to_folded = self.to_folded_many(x for span in heads for x in span)
        spans = [(to_folded[s], to_folded[e]) for s, e in heads]
        if self.title_span is not None:
            spans.append(self.title_span)
        return sorted(spans)

    def in_heading(self, foffset: int) -> bool:
        i = bisect_right(self.heading_spans, (foffset, 1 << 62)) - 1
        return i >= 0 and self.heading_spans[i][0] <= foffset < self.heading_spans[i][1]

    def body_parts(self, match: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """The parts of a match outside headings: the clause itself, not the title above it."""
        return [p for p in match if not self.in_heading(p[1])]

    def body_start(self, match: Sequence[tuple[int, int, int]]) -> int:
        """Folded start of a match's first part in the body text (of its first part if all are headings)."""
        return min(p[1] for p in (self.body_parts(match) or match))

    def ancestors(self, unit: Unit) -> list[Unit]:
        """``unit`` and the units enclosing it, innermost first."""
        path = self.doc.unit_path(unit.start)
        for i, candidate in enumerate(path):
            if candidate is unit:
                return path[i::-1]
        return [unit, *reversed(path)]

    def has_hit(self, term: int, fstart: int, fend: int) -> bool:
        """Whether ``hits_in`` would find any hit (without building the list)."""
        starts = self.term_starts[term]
        lo = bisect_left(starts, fstart)
        if lo == len(starts) or starts[lo] >= fend:
            return False
        hits = self.term_hits[term]
        return any(hits[i][1] <= fend for i in range(lo, bisect_left(starts, fend, lo)))

    def hits_in(self, term: int, fstart: int, fend: int, literal: bool = False) -> list[tuple[int, int]]:
        """Hits of ``term`` inside folded [fstart, fend): with the links' hits, or (``literal``) only the
        words as written there."""
        starts, hits = (self.real_starts, self.real_hits) if literal else (self.term_starts, self.term_hits)
        lo, hi = bisect_left(starts[term], fstart), bisect_left(starts[term], fend)
        return [h for h in hits[term][lo:hi] if h[1] <= fend]


@lru_cache(maxsize=64)
def _family_matcher(phrases: tuple[str, ...]) -> PhraseMatcher:
    return PhraseMatcher(phrases)
