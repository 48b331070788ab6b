"""From a provision and a document index to a Finding: verdict, evidence, nearest unit, message."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

import attrs

from esa_rules.document import Unit
from esa_rules.dsl.ast import Alternative, Clause, Heading
from esa_rules.engine.conditions import TRUE, MatchT, evaluate
from esa_rules.engine.context import Declaration
from esa_rules.engine.index import DocIndex, Scope
from esa_rules.engine.nearest import nearest_units as find_nearest
from esa_rules.engine.prefilter import candidate_keys
from esa_rules.engine.proposals import unagreed
from esa_rules.engine.recitals import recital
from esa_rules.engine.rows import row_force
from esa_rules.engine.strength import (
    PROHIBITION_RE,
    QUALIFIERS,
    WILL_BINDS_RE,
    Cue,
    Reading,
    Strength,
    classify,
    contingent_on,
    hypothetical_only,
    will_as_shall,
)
from esa_rules.levels import Expects, Level
from esa_rules.report import Evidence, Match, Nearest

# Levels that never count towards a requirement (``Level.counts``): a denial, a dispute-settlement
# exclusion sentence ("decisions following a review ... shall not be subject to dispute settlement" is no
# duty to review), and words found only in headings (a heading or a table of contents line is not a
# provision).
QUOTE_LIMIT = 400


@attrs.frozen
class Located:
    """A match judged in context: its strength, the sentence that carries it, and what weakened it."""

    scope: Scope
    match: MatchT
    level: Level
    strength: Strength | None  # of the deciding sentence
    sentence: tuple[int, int] | None
    weakened_by: tuple[Declaration, ...] = ()


class DocContext:
    """A document index plus its document-wide declarations; shared by all provisions of one check."""

    def __init__(self, index: DocIndex, non_binding: list[Declaration], carve_outs: list[Declaration],
                 names: Mapping[int, str], labels: Mapping[int, str] | None = None) -> None:
        self.index = index
        self.non_binding = non_binding
        self.carve_outs = carve_outs
        self.names = names  # term id -> the name the ruleset uses (in evidence matches)
        self.labels = labels if labels is not None else names  # term id -> plain words (in gap messages)
        self.will_binds = WILL_BINDS_RE.search(index.doc.text) is not None


def candidate_scopes(ctx: DocContext, clause: Clause, tids: Mapping[Alternative, int]) -> Sequence[Scope]:
    scopes = ctx.index.scopes(clause.scope)
    keys = candidate_keys(clause.condition, ctx.index, clause.scope, tids)
    return scopes if keys is None else [scopes[i] for i in keys]


def judge(ctx: DocContext, scope: Scope, match: MatchT, expects: Expects, role: str,
          headings_suffice: bool = False) -> Located:
    """Strength of a match: the weakest of its parts' sentences, ignoring parts inside headings."""
    index = ctx.index
    if not match:
        return Located(scope, match, Level.BINDING if role == "require" else Level.NEUTRAL, None, None)
    parts = index.body_parts(match)
    if not parts:
        if not headings_suffice:
            return Located(scope, match, Level.HEADING_ONLY, None, None)
        parts = list(match)
    if index.origins:
        carried = [index.origin(p) for p in parts]
        if all(carried) and not all(c[0].wholly for c in carried if c):
            return Located(scope, match, Level.CONTEXT_ONLY, None, None)
    judged: list[tuple[Level, Strength, tuple[int, int]]] = []
    for part in parts:
        at = index.to_original(part[1])
        sentence = index.sentence_at(at)
        strength = classify(index.doc.text[sentence[0]:sentence[1]], at - sentence[0])
        strength = contingent_on(index.doc.text[max(0, sentence[0] - 300):sentence[0]],
                                 index.doc.text[sentence[0]:sentence[1]], strength)
        if strength.level == Level.NEUTRAL or hypothetical_only(index.doc.text[sentence[0]:sentence[1]], strength):
            strength = _chapeau_strength(index, at, sentence[0]) or strength
        if ctx.will_binds:
            strength = will_as_shall(index.doc.text, sentence[0], strength)
        strength = row_force(index.doc.text, at, sentence[0], strength)
        strength, sentence = _row_hedge(index, part, strength, sentence)
        proposal = next(((s, e) for s, e in unagreed(index.doc.text) if s < at < e), None)
        if proposal is not None:
            strength = Strength(Level.EXCLUDED, (Cue("bracketed", proposal[0] - sentence[0], proposal[1] - sentence[0]),),
                                Reading("a proposal, not agreed text"))
        judged.append((strength.level, strength, sentence))
    if judged[0][0] != Level.NEGATED:
        # The first part is the act (rules name it first: "consult near/30 transaction"). A denial in
        # another clause that only holds the context does not deny the act: "is not obliged to disclose its
        # screening decisions but shall consult on any transaction of concern" binds the consultation.
        judged = [j for j in judged if j[0] != Level.NEGATED]
    if any(j[0] == Level.EXCLUDED for j in judged):
        level, strength, sentence = next(j for j in judged if j[0] == Level.EXCLUDED)
    elif expects == Expects.EXCEPTION:
        level, strength, sentence = Level.EXCEPTION, judged[0][1], judged[0][2]
        if strength.level == Level.SOFT and any(c.kind == "soft" and index.doc.text[
                sentence[0] + c.start:sentence[0] + c.end].lower() in ("should", "ought") for c in strength.cues):
            level = Level.SOFT  # "No provision ... should be understood as requiring ...": an exception urged
    elif expects == Expects.PERMISSION:
        # a right is worded "may": any sentence that grants it counts, one that denies it does not
        denied = next((j for j in judged if j[0] == Level.NEGATED), None)
        level, strength, sentence = denied or (Level.EXCEPTION, judged[0][1], judged[0][2])
    else:
        informative = [j for j in judged if j[0] != Level.NEUTRAL] or judged
        if judged[0][0] == Level.BINDING:
            # "The Parties: (a) acknowledge that a third country may restrict trade ...; (b) shall meet within ten
            # days": what another sentence only recognises is the context of the act, not a softer act
            informative = [j for j in informative if j[2] == judged[0][2] or not _recognised(index.doc.text, j)]
        level, strength, sentence = min(informative, key=lambda j: j[0].rank)
    if level == Level.NEUTRAL and index.origins and all(index.origin(p) for p in parts):
        # every word from the units a neutral sentence points to ("The Understandings in Annex I form an
        # integral part of this Agreement"): those units are judged where they stand, not here
        level = Level.CONTEXT_ONLY
    if level == Level.NEUTRAL and (any(c.kind == "definition" for c in strength.cues)
                                   or _PURPOSE.match(index.doc.text, sentence[0], sentence[1])):
        level = Level.DEFINITION
    if level.counts and recital(index, sentence):
        # "Recognising the importance of screening ...", "Recognising that each Party retains the right to
        # ...": a recital of the preamble neither commits nor excepts; the topic is only mentioned there
        level = Level.RECITAL
    # Declarations are reported with every match they cover, but only demote binding ones: a soft match
    # in a memorandum is weak for both reasons, and the reviewer should see both.
    weakened: list[Declaration] = []
    if level.counts:
        at = index.to_original(parts[0][1])
        weakened.extend(d for d in ctx.non_binding if d.covers(at))
        if expects == Expects.OBLIGATION:
            weakened.extend(d for d in ctx.carve_outs if d.covers(at))
    if weakened and level.full:
        level = Level.SOFT
    return Located(scope, match, level, strength, sentence, tuple(weakened))


def _recognised(text: str, judged: tuple[Level, Strength, tuple[int, int]]) -> bool:
    """Whether a soft sentence recognises something ("acknowledge that a third country may restrict ...")."""
    level, _, (start, end) = judged
    return level == Level.SOFT and _RECOGNITION.search(text, start, end) is not None


_RECOGNITION = re.compile(r"\b(?:recogni[sz]e|acknowledge|(?:re)?affirm|note|share the view)s? that\b", re.IGNORECASE)


# "The objectives of this Chapter are to ...": what the chapter is for, not what anyone must do.
_PURPOSE = re.compile(r"[\s\d.()a-z]{0,6}(?:the )?(?:objectives?|purposes?|aims?|goals?) of this [\w ]{1,40}?(?:is|are) to\b",
                      re.IGNORECASE)


# "Nothing in this Agreement precludes a Party from suspending ...": a denial of a bar, so a permission
_LEAVES_FREE = re.compile(r"\W*(?:(?:\d{1,3}(?:\.\d{1,3})*|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\))[.)]?\s+)?nothing in (?:[^.;]|\.(?=\d)){0,80}?\b(?:shall be construed (?:to|as) |shall )?"
                          r"(?:preclud|prevent|prohibit|restrict|bar)(?:e|es|s|ing)?\b(?:[^.;]|\.(?=\d)){0,200}?\bfrom\b")
_CAPTION = re.compile(r"^[ \t]*(?:TABLE|Table)[ \t]+\w", re.MULTILINE)


def _chapeau_strength(index: DocIndex, at: int, sentence_start: int) -> Strength | None:
    """A subparagraph "(a) maintain a screening mechanism" takes its modal from the chapeau above it (its cues
    kept relative to the subparagraph's sentence, so evidence quotes the chapeau's own words)."""
    for unit in index.ancestors(index.leaf_at(at))[1:]:
        if _CAPTION.search(index.doc.text, unit.start, at):
            return None  # the rows of a table under its caption are not the list a chapeau opens
        if unit.children and unit.kind in ("paragraph", "subparagraph", "article"):
            lead = index.doc.text[unit.start:unit.children[0].start]
            strength = classify(lead, len(lead))
            if strength.level != Level.NEUTRAL:
                shift = unit.start - sentence_start
                return attrs.evolve(strength, cues=tuple(attrs.evolve(c, start=c.start + shift, end=c.end + shift)
                                                         for c in strength.cues))
    return None


def clause_expects(provision_expects: str, clause: Clause) -> Expects:
    """What a clause expects: ``permit`` clauses a permission, the others what their provision expects."""
    return Expects.PERMISSION if clause.kind == "permit" else Expects(provision_expects)


def search(ctx: DocContext, clause: Clause, expects: Expects,
           tids: Mapping[Alternative, int]) -> tuple[Located | None, Located | None]:
    """The strongest match of a clause, first in document order among equals (stops at a binding one),
    and, when none counts, the first match in a sentence that denies the obligation (to explain the gap).
    Both come from one pass over the matches."""
    best: Located | None = None
    denied: Located | None = None
    for scope in candidate_scopes(ctx, clause, tids):
        for match in evaluate(clause.condition, ctx.index, scope, [(scope.fstart, scope.fend)], tids):
            located = judge(ctx, scope, match, expects, clause.kind, isinstance(clause.condition, Heading))
            if not located.level.counts and clause.kind != "forbid":
                if located.level == Level.NEGATED and denied is None:
                    denied = located
                continue
            if best is None or located.level.rank > best.level.rank:
                best = located
                if best.level.full:
                    return best, None
    return best, (denied if best is None else None)


def best_match(ctx: DocContext, clause: Clause, expects: Expects, tids: Mapping[Alternative, int]) -> Located | None:
    return search(ctx, clause, expects, tids)[0]


def _row_hedge(index: DocIndex, part: tuple[int, int, int], strength: Strength,
               sentence: tuple[int, int]) -> tuple[Strength, tuple[int, int]]:
    """A row of a schedule that a binding sentence points to keeps its own qualifier: "Informing each other,
    to the extent practicable, of expected shortages" binds only so far as practicable."""
    origin = index.origin(part) if index.origins and strength.level == Level.BINDING else None
    if origin is None or not origin[0].wholly:
        return strength, sentence
    at = index.to_original(origin[1][0])
    row = index.sentence_at(at)
    own = classify(index.doc.text[row[0]:row[1]], at - row[0])
    if own.level == Level.SOFT and any(c.kind in QUALIFIERS for c in own.cues):
        return own, row
    return strength, sentence


def denial(ctx: DocContext, clause: Clause, tids: Mapping[Alternative, int]) -> Located | None:
    """The first match of a clause in a sentence that denies the obligation, to explain a gap."""
    return search(ctx, clause, Expects.OBLIGATION, tids)[1]


def forbidden_match(ctx: DocContext, clause: Clause, tids: Mapping[Alternative, int]) -> Located | None:
    """The first match of a ``forbid`` clause that is not itself prohibited ("No Party shall suspend...")."""
    index = ctx.index
    for scope in candidate_scopes(ctx, clause, tids):
        for match in evaluate(clause.condition, index, scope, [(scope.fstart, scope.fend)], tids):
            if match == ():
                return Located(scope, match, Level.BINDING, None, None)
            parts = index.body_parts(match) or list(match)
            if index.origins and (all(index.origin(part) for part in parts) or index.origin(parts[0])):
                # every word carried by a link, or the forbidden act itself ("any dispute referred to in
                # paragraph 2", where paragraph 2 bars the suspension): that text is judged where it stands
                continue
            fstart = index.body_start(match)  # a part matched in a heading is not the forbidden sentence
            sentence = index.sentence_at(index.to_original(fstart))
            folded_start = index.to_folded(sentence[0])
            # a prohibition that opens before the act, even when the act's own words begin inside it ("No
            # difference ... shall suspend", where the match starts at "difference")
            barred = PROHIBITION_RE.search(index.folded.text, folded_start, index.to_folded(sentence[1]))
            if barred is not None and barred.start() < fstart and not _LEAVES_FREE.match(index.folded.text, folded_start):
                continue
            if _limited_next(index, sentence):
                continue
            at = index.to_original(fstart)
            if any(s < at < e for s, e in unagreed(index.doc.text)):
                continue  # a proposal, or repealed text kept in brackets for reference, allows nothing
            return Located(scope, match, Level.BINDING, None, sentence)
    return None


# "... may suspend obligations under this Agreement. 2. Such suspension shall not extend to Title II.": the
# sentence after the act, pointing back at it, limits it to what it does not name
_LIMITS_IT = re.compile(r"[\s\d.()a-z]{0,6}(?:any |the )?(?:such|this|that|said) (?:suspension|retaliation|"
                        r"countermeasure|withdrawal|measure)s?\b[^.;]{0,60}?\b(?:shall|does|do|will|must|may) not "
                        r"(?:extend|apply|affect|reach|cover|include|concern)\b[^.;]{0,40}?\b(?:articles?|chapters?|"
                        r"parts?|titles?|sections?|annex\w*|cooperation)\b", re.IGNORECASE)


def _limited_next(index: DocIndex, sentence: tuple[int, int]) -> bool:
    """Whether the next sentence of the same article limits the act ``sentence`` allows (``_LIMITS_IT``)."""
    text = index.doc.text
    nxt = sentence[1]
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt >= len(text):
        return False
    article = [u for u in index.doc.unit_path(sentence[0]) if u.kind in ("article", "annex")]
    if article and nxt >= article[-1].end:
        return False
    after = index.sentence_at(nxt)
    return _LIMITS_IT.match(text, after[0], after[1]) is not None


def nearest(ctx: DocContext, clause: Clause, tids: Mapping[Alternative, int]) -> Nearest | None:
    """The scope closest to meeting the clause, what it has and what it lacks."""
    found = nearest_units(ctx, clause, tids, 1)
    return found[0] if found else None


def nearest_units(ctx: DocContext, clause: Clause, tids: Mapping[Alternative, int],
                  limit: int) -> tuple[Nearest, ...]:
    return find_nearest(ctx.index, clause, tids, ctx.labels, limit)


def evidence(ctx: DocContext, located: Located, role: str) -> list[Evidence]:
    """Evidence for a located match: the quoted sentence with matched words, then what weakened it."""
    index = ctx.index
    doc = index.doc
    if located.match == () or located.match is TRUE:
        return []
    parts = sorted(located.match, key=lambda p: p[1])
    # anchor on body text: a part found in a heading ("heading screening") is not the clause itself
    first = index.to_original(index.body_start(parts))
    sentence = located.sentence or index.sentence_at(first)
    leaf = index.leaf_at(sentence[0] if located.sentence else first)  # the unit of the sentence quoted
    spans = [(ctx.names[t], *index.folded.span(fs, fe)) for t, fs, fe in parts]
    out = [_quote(ctx, leaf, sentence, spans, role, located.level)]
    if located.strength is not None and located.strength.level == Level.SOFT and located.strength.cues:
        cue_spans = [(f"{c.kind}: {doc.text[sentence[0] + c.start:sentence[0] + c.end]}",
                      sentence[0] + c.start, sentence[0] + c.end) for c in located.strength.cues]
        out.append(_quote(ctx, leaf, sentence, cue_spans, "soft-wording", Level.SOFT))
    out.extend(_carried(ctx, parts))
    for decl in located.weakened_by:
        out.append(_quote(ctx, index.leaf_at(decl.start), (decl.start, decl.end), [], decl.kind, Level.SOFT))
    return out


def _carried(ctx: DocContext, parts: list[tuple[int, int, int]]) -> list[Evidence]:
    """For words a definition, reference or back-reference carried into the operative sentence: the
    sentence they were written in, with those words marked, under the link's kind as role. Its strength
    is "neutral": the operative sentence alone decides how strongly the match binds."""
    index = ctx.index
    by_source: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    kinds: dict[tuple[int, int], str] = {}
    for part in parts:
        found = index.origin(part)
        if found is None:
            continue
        link, (fs, fe) = found
        at = index.to_original(fs)
        sentence = index.sentence_at(at)
        by_source.setdefault(sentence, []).append((ctx.names[part[0]], *index.folded.span(fs, fe)))
        kinds.setdefault(sentence, link.kind)
    return [_quote(ctx, index.leaf_at(s), (s, e), spans, kinds[(s, e)], Level.NEUTRAL)
            for (s, e), spans in sorted(by_source.items())]


def _quote(ctx: DocContext, unit_: Unit, sentence: tuple[int, int], spans: list[tuple[str, int, int]],
           role: str, level: str) -> Evidence:
    doc = ctx.index.doc
    s, e = sentence
    raw = doc.text[s:e]
    # collapse whitespace, remembering where each kept character came from
    kept: list[int] = []
    chars: list[str] = []
    for m in re.finditer(r"\S+", raw):
        if chars:
            chars.append(" ")
            kept.append(kept[-1] + 1)  # the first whitespace character after the previous word
        for i, ch in enumerate(m.group()):
            chars.append(ch)
            kept.append(s + m.start() + i)
    quote = "".join(chars)
    matches = [Match(term, bisect_left(kept, ms), bisect_left(kept, me)) for term, ms, me in spans if s <= ms < e]
    quote, matches = _trim(quote, matches)
    begin, end = doc.locate(s), doc.locate(max(s, e - 1))
    return Evidence(unit=unit_.label, eid=unit_.eid, line=begin.line, column=begin.column, end_line=end.line,
                    quote=quote, matches=tuple(matches), strength=level, role=role, page=begin.page,
                    key=unit_.key)


def _trim(quote: str, matches: list[Match]) -> tuple[str, list[Match]]:
    """Keep long quotes readable: a window around the matches, with ellipses."""
    if len(quote) <= QUOTE_LIMIT:
        return quote, matches
    lo = min((m.start for m in matches), default=0)
    hi = max((m.end for m in matches), default=QUOTE_LIMIT)
    start = max(0, min(lo - 80, hi - QUOTE_LIMIT + 80))
    end = min(len(quote), max(start + QUOTE_LIMIT, hi + 40))
    head = "… " if start else ""
    tail = " …" if end < len(quote) else ""
    shift = len(head) - start
    return head + quote[start:end] + tail, [
        Match(m.term, m.start + shift, m.end + shift) for m in matches if start <= m.start and m.end <= end
    ]
