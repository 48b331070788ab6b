"""Evaluate a condition inside one scope, over hit lists (never by re-reading text).

A match is a tuple of parts ``(term, fstart, fend)`` in folded offsets; a condition yields the list of
its matches in the scope (empty: it does not hold; ``[()]``: it holds with nothing to show, as ``not X``
does). Combinators keep result sizes linear: ``near`` and ``and`` pair each left match with its closest
right match only, which is all a verdict and its evidence need.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping

from esa_rules.document import Unit
from esa_rules.dsl.ast import Alternative, Condition
from esa_rules.engine.index import DocIndex, Scope
from esa_rules.engine.pointers import ELSEWHERE
from esa_rules.engine.prefilter import candidate_keys, may_hold_in, term_ids
from esa_rules.engine.references import THIS_INSTRUMENT, Reference, Target
from esa_rules.engine.structure import Link

Part = tuple[int, int, int]
MatchT = tuple[Part, ...]
TRUE: list[MatchT] = [()]


def extent(match: MatchT) -> tuple[int, int]:
    if len(match) == 1:  # most matches are one hit: no generators to run
        return match[0][1], match[0][2]
    return min(p[1] for p in match), max(p[2] for p in match)


def evaluate(cond: Condition, index: DocIndex, scope: Scope, ranges: list[tuple[int, int]],
             tids: Mapping[Alternative, int], literal: bool = False) -> list[MatchT]:
    """Matches of ``cond`` in ``ranges`` of ``scope``; ``literal``: only words as written there count, not
    those a definition, reference or back-reference carries (see engine/structure.py). Under ``not`` it is
    always so."""
    from esa_rules.engine.compiled import compiled  # it builds on this module: each node's work is there

    return compiled(cond, tids)(index, scope, ranges, literal)


# What a citation can name for ``cites``: the instrument's own provisions. A whole chapter or part is a
# field of law rather than a provision ("Chapter 5 (Customs Administration)" speaks of export controls in
# passing), and a citation of many units a list of them.
_CITABLE = frozenset({"article", "section", "paragraph", "subparagraph"})
_MAX_CITED = 12
# A division counts only when it is devoted to what is asked: many of its provisions are about it ("the
# operation of this Agreement" in an agreement whose articles are the security cooperation, "its obligations
# under Parts III and IV" when those Parts hold it), never when it merely touches it, as a free trade
# agreement's chapters do. "This Agreement" is the document itself.
_DIVISIONS = frozenset({"document", "part", "chapter", "annex"})
_MIN_PROVISIONS = 3
# "this Agreement", but not "this Agreement of the other Parties"
# An instrument titled as a general trade agreement ("ASSOCIATION AGREEMENT BETWEEN ...") is not devoted to
# whatever many of its articles touch: a body that oversees "this Agreement" oversees all of it
_GENERAL_TRADE = re.compile(r"\b(?:association|free trade|economic partnership|partnership and co-?operation|"
                            r"trade and (?:economic )?co-?operation|comprehensive economic|closer economic|preferential "
                            r"trade|trade promotion) agreement\b", re.IGNORECASE)
# the words of a title that name the instrument itself, before what it is between or relates to
_OWN_KIND = re.compile(r"\b(?:between|among|relating|concerning|amending|supplementing|under|to the|on the)\b", re.IGNORECASE)
_THIS_INSTRUMENT = re.compile(THIS_INSTRUMENT + r"(?!\s+(?:of|on)\s+(?!this\b))", re.IGNORECASE)


def cited(inner: Condition, index: DocIndex, fs: int, fe: int, tids: Mapping[Alternative, int],
          devoted: bool = False) -> list[MatchT]:
    """``cites inner`` in folded span [fs, fe): one match per reference there to units of this instrument
    (never the unit the reference stands in, nor another instrument's: "Article XXI of the GATT 1994")
    in one of which ``inner`` holds (its defined terms read through their definitions, no other link
    followed); ``devoted``: or to divisions devoted to
    ``inner`` (``_devoted``), the one that holds the reference included. The match is the reference
    itself, under the term of the first word found in the unit, which evidence shows as what the
    reference carried."""
    key = (id(inner), term_ids(inner, tids), fs, fe, devoted)
    found = index.cited_refs.get(key)
    if found is not None:
        return [(p,) for p in found]
    start, end = index.to_original(fs), index.to_original(fe)
    parts: list[Part] = []
    refs = [(ref.start, ref.end, ref.targets) for ref in _own_references(index, start, end)]
    if devoted and not _GENERAL_TRADE.search(_OWN_KIND.split(index.doc.title or "", 1)[0]):
        whole = index.doc.root
        refs += [(m.start(), m.end(), (Target("the whole document", whole.start, whole.end, whole),))
                 for m in _THIS_INSTRUMENT.finditer(index.doc.text, start, end)]
    for ref_start, ref_end, targets in refs:
        if len(targets) > _MAX_CITED:
            continue
        hit: tuple[Part, Unit] | None = None
        for target in targets:
            unit = target.unit
            if unit is not None and unit.kind in _CITABLE and not unit.start <= ref_start < unit.end:
                first = _holds_in(inner, index, unit, tids)
                if first is not None:
                    hit = first, unit
                    break
        # "the cooperation described in this Paragraph", of a memorandum whose articles are Paragraphs, each
        # with numbered paragraphs of its own: a division too (an ordinary article is a provision)
        divisions = tuple(t.unit for t in targets if t.unit is not None and (t.unit.kind in _DIVISIONS or (
            t.unit.kind == "article" and t.unit.label.startswith(("Paragraph ", "Clause "))
            and t.unit.start <= ref_start < t.unit.end and len(t.unit.children) >= _MIN_PROVISIONS)))
        if hit is None and divisions and devoted:
            first = _devoted(inner, index, divisions, tids)
            hit = None if first is None else (first, divisions[0])
        if hit is None:
            continue
        (term, real_start, real_end), unit = hit
        part = (term, index.to_folded(ref_start), index.to_folded(ref_end))
        label = next(t.label for t in targets if t.unit is unit)
        link = Link("reference", (ref_start, ref_end), (unit.start, unit.end), label)
        index.origins.setdefault(part, (link, (real_start, real_end)))
        parts.append(part)
    index.cited_refs[key] = parts
    return [(p,) for p in parts]


def _own_references(index: DocIndex, start: int, end: int) -> list[Reference]:
    """The references inside original span [start, end) to units of this instrument (resolving is the costly
    part: only the spans a ``cites`` is asked about are scanned, each once)."""
    found = index.span_references.get((start, end))
    if found is None:
        text = index.doc.text
        found = index.span_references[(start, end)] = list(index.resolver.references(
            start, end, lambda m: ELSEWHERE.match(text, m.end()) is None, index.cue_starts))
    return found


def _devoted(inner: Condition, index: DocIndex, divisions: tuple[Unit, ...],
             tids: Mapping[Alternative, int]) -> Part | None:
    """The first part of ``inner`` in divisions cited together ("Parts III and IV") that are devoted to it:
    it holds in at least three of their provisions (articles, else paragraphs; a preamble is none) and in
    at least a third of them; or at least half of the divisions are each devoted to it, by that count or by
    their scope clause ("This Schedule applies to minerals used in batteries"). None otherwise: a free trade
    agreement, or one of its chapters, touches many matters in passing."""
    key = (id(inner), term_ids(inner, tids), *(-1 - id(d) for d in divisions))
    if key not in index.cited_units:
        first = _headed(inner, index, divisions[0], tids) if len(divisions) == 1 else None
        first = first or _counted(inner, index, divisions, tids)
        if first is None and len(divisions) > 1:
            each = [_headed(inner, index, d, tids) or _scoped_to(inner, index, d, tids) or _counted(inner, index, (d,), tids)
                    for d in divisions]
            found = [p for p in each if p is not None]
            first = found[0] if 2 * len(found) >= len(divisions) else None
        elif first is None:
            first = _scoped_to(inner, index, divisions[0], tids)
        index.cited_units[key] = first
    return index.cited_units[key]


def _counted(inner: Condition, index: DocIndex, divisions: tuple[Unit, ...],
             tids: Mapping[Alternative, int]) -> Part | None:
    """The first part of ``inner`` in ``divisions`` if it holds in enough of their provisions (``_devoted``)."""
    provisions = [u for d in divisions for u in d.walk() if u.kind == "article" and u.label != "Preamble"] or \
        [u for d in divisions for u in d.walk() if u.kind == "paragraph"]
    # a division of one or two provisions (an annex that is one table) is devoted only if all of them are
    need = min(len(provisions), max(_MIN_PROVISIONS, -(-len(provisions) // 3))) or 1
    # only the provisions where ``inner`` can hold (the words of each of its conjuncts there) are
    # evaluated, which settles a free trade agreement's hundreds of articles with few evaluations
    candidates = _could_hold(inner, index, provisions, tids)
    first: Part | None = None
    found = 0
    if len(candidates) >= need:
        for n, unit in enumerate(candidates):
            part = _holds_in(inner, index, unit, tids)
            if part is not None:
                first = first or part
                found += 1
            if found >= need or found + len(candidates) - n - 1 < need:
                break
    return first if found >= need else None


# "This Schedule applies to ...", "This Annex covers ...": the clause that says what a division is about
_SCOPE_CLAUSE = re.compile(r"\W*(?:\(?[0-9a-z]{1,4}[.)]\s*)?(?:this|the present) (?:schedule|annex|appendix|chapter|part|title|"
                           r"section|protocol)\s+(?:shall\s+)?(?:appl(?:y|ies)|covers?|concerns?|relates? to)\b", re.IGNORECASE)


def _headed(inner: Condition, index: DocIndex, division: Unit, tids: Mapping[Alternative, int]) -> Part | None:
    """The first part of ``inner`` in the heading of ``division`` ("TITLE VI ECONOMIC SECURITY")."""
    if division.heading_span is None:
        return None
    key = (id(inner), term_ids(inner, tids), -1 - id(division), 0)
    if key not in index.cited_units:
        hs, he = division.heading_span
        fs, fe = index.to_folded(hs), index.to_folded(he)
        inside = evaluate(inner, index, Scope(division, hs, he, fs, fe), [(fs, fe)], tids, False)
        index.cited_units[key] = next((p for m in inside for p in m), None)
    return index.cited_units[key]


def _scoped_to(inner: Condition, index: DocIndex, division: Unit, tids: Mapping[Alternative, int]) -> Part | None:
    """The first part of ``inner`` in the scope clause that opens ``division``, if it has one."""
    first = next((u for u in division.walk() if u.kind in ("article", "paragraph") and u.label != "Preamble"), None)
    if first is None or _SCOPE_CLAUSE.match(index.doc.text, first.body_start, first.end) is None:
        return None
    return _holds_in(inner, index, first, tids)


def _could_hold(inner: Condition, index: DocIndex, provisions: list[Unit], tids: Mapping[Alternative, int]) -> list[Unit]:
    """The provisions (articles or paragraphs) where ``inner`` can hold, by the scope prefilter
    (``candidate_keys``), in document order."""
    kind = provisions[0].kind if provisions else "article"
    keys = candidate_keys(inner, index, kind, tids)
    if keys is None:
        return provisions
    scopes = index.scopes(kind)
    possible = {id(scopes[k].unit) for k in keys}
    return [u for u in provisions if id(u) in possible]


def _holds_in(inner: Condition, index: DocIndex, unit: Unit, tids: Mapping[Alternative, int]) -> Part | None:
    """The first part of a match of ``inner`` in ``unit``, its defined terms read through their definitions
    ("the target of a Pressure Measure" is coercion when "Pressure Measure" is defined so). Many references
    name the same unit: it is judged once per condition."""
    key = (id(inner), term_ids(inner, tids), id(unit))
    if key not in index.cited_units:
        ufs, ufe = index.to_folded(unit.start), index.to_folded(unit.end)
        if not may_hold_in(inner, index, unit, ufs, ufe, tids):  # most cited units are about something else
            index.cited_units[key] = None
            return None
        inside = evaluate(inner, index, Scope(unit, unit.start, unit.end, ufs, ufe), [(ufs, ufe)], tids, False)
        # a word of the unit's text rather than of its heading, so evidence quotes what the provision says
        index.cited_units[key] = next((p for m in inside for p in index.body_parts(m)), None) or \
            next((p for m in inside for p in m), None)
    return index.cited_units[key]


def _pair(left: list[MatchT], right: list[MatchT], index: DocIndex, distance: int | None,
          ordered: bool) -> list[MatchT]:
    """Each left match joined with its closest right match (within ``distance`` words, if given).

    A match with no parts (what ``not X`` yields) has no position: it pairs with anything, so ``a and
    (not b or c)`` holds wherever ``a`` does and ``b`` does not.
    """
    left_any, right_any = () in left, () in right
    left = [m for m in left if m]
    right = [m for m in right if m]
    if not left or not right:
        if left_any and right_any and not left and not right:
            return TRUE
        return (left if right_any else []) + (right if left_any else [])
    # a left match without a partner still pairs with a position-less right match
    paired = _pair_positioned(left, right, index, distance, ordered, keep_unpaired=right_any)
    return paired + right if left_any else paired


def _pair_positioned(left: list[MatchT], right: list[MatchT], index: DocIndex, distance: int | None,
                     ordered: bool, keep_unpaired: bool) -> list[MatchT]:
    rights = sorted(((*extent(m), m) for m in right), key=lambda r: (r[0], r[1]))
    rstarts = [r[0] for r in rights]
    out: list[MatchT] = []
    for m in left:
        ls, le = extent(m)
        best: tuple[int, MatchT] | None = None
        i = bisect_left(rstarts, ls)
        # the closest right match is one starting just before this one, overlapping it, or the first
        # one starting after it ends
        for j in sorted({i - 2, i - 1, i, bisect_left(rstarts, le)}):
            if not 0 <= j < len(rights):
                continue
            rs, re_, rm = rights[j]
            if ordered and rs < le and not _in_source_order(index, m, rm):
                continue
            gap = _gap(index, ls, le, rs, re_)
            if distance is not None and gap > distance:
                continue
            if best is None or gap < best[0]:
                best = (gap, rm)
        if best is not None:
            out.append(m + best[1])
        elif keep_unpaired:
            out.append(m)
    return out


def _in_source_order(index: DocIndex, left: MatchT, right: MatchT) -> bool:
    """Whether two matches that a link carried to the same site ("measures of the kind described in
    paragraph 1") stand in that order in what it carried: "in order to compel ... to modify a lawful
    policy" keeps its ``before`` at the reference."""
    origins = [index.origins.get(p) for p in (*left, *right)]
    if any(o is None for o in origins) or len({(o[0].site, o[0].source) for o in origins if o}) != 1:
        return False
    real = [o[1] for o in origins if o]
    return min(r[0] for r in real[len(left):]) >= max(r[1] for r in real[:len(left)])


def _gap(index: DocIndex, ls: int, le: int, rs: int, re_: int) -> int:
    """Words strictly between two spans (0 when they touch or overlap)."""
    if rs >= le:
        return max(0, index.word_index(rs) - index.word_index(le) - 1 - index.items_between(le, rs))
    if ls >= re_:
        return max(0, index.word_index(ls) - index.word_index(re_) - 1 - index.items_between(re_, ls))
    return 0
