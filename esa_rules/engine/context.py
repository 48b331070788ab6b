"""Declarations that weaken what they name: non-binding statements and dispute-settlement carve-outs.

A declaration binds what it names, as a lawyer reads it:
- the instrument itself ("This Memorandum does not create legally binding obligations", "We, the
  Leaders", a text of "Participants" that says "will") covers the whole document, except the parts it
  says do bind ("Annex I, by contrast, ... binds the Sides");
- a part of it ("The provisions of this Part", "Annex II does not form part of this Agreement") covers
  that part only;
- a body's output ("Recommendations of the Council do not create legally binding obligations") covers
  the sentences about that output, not the Parties' own obligations.
A carve-out takes out of dispute settlement the units it names ("Chapter 30 shall not apply to Articles
12.1 to 12.4", "... applies to this Chapter, with the exception of Article 14.6 and Schedule C"), also in
other words: consultations declared "the sole means" of resolving matters under a chapter. A chapter
taken out of the general procedure but given its own binding one (a panel whose report binds) is not
carved out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from esa_rules.document import Unit
from esa_rules.engine import lexicon
from esa_rules.engine.forums import FORUM_HEADING, citing_sentences, forum_articles, forum_divisions, within
from esa_rules.engine.index import DocIndex
from esa_rules.engine.references import THIS_INSTRUMENT, Resolver
from esa_rules.engine.strength import EXCLUSION_RE, TRIGGER_RE

# Whole-text searches go through the automaton: ``Checker`` puts these phrases into its own automaton
# and hands the starts over on the index (``DocIndex.starts``); an index built otherwise scans them there.
LEXICON_PHRASES: dict[str, tuple[str, ...]] = {
    "non-binding": lexicon.NON_BINDING, "carve-out": (*lexicon.CARVE_OUT_TRIGGERS, *lexicon.SOLE_MEANS),
    "voluntary": lexicon.VOLUNTARY, "creates-nothing": ("not intended to create", "does not create", "do not create"),
}
# "It is not intended to create, and does not create, any rights or obligations that are legally binding under
# international law": the words a phrase list would need apart, read as one statement (folded text)
_CREATES_NOTHING = re.compile(r"\bnot (?:intended to )?create\b[^.;]{0,60}?\b(?:rights|obligations)\b[^.;]{0,50}?"
                              r"\b(?:legally binding|under (?:public )?international (?:or domestic )?law)\b")
_PRIVATE = re.compile(r"\bfor (?:natural|legal|juridical|private)\b")  # a ruling that binds no private person

_INSTRUMENT = re.compile(THIS_INSTRUMENT + r"|\bwe,? the leaders\b", re.IGNORECASE)
_OUTPUT = re.compile(r"\b(?:recommendations?|decisions?|guidelines?|opinions?|reports?|conclusions?|findings?)\s+"
                     r"(?:of|by|issued by|adopted by|made by|from)\s+the\s+[A-Z]|\bthe\s+[A-Z]\w+(?:'s|\u2019s)\s+"
                     r"(?:recommendations?|decisions?|guidelines?|opinions?|reports?)", re.IGNORECASE)
_BINDS = re.compile(r"\b(?<!non-)(?<!non )(?:binds|bind|binding|governed by international law|integral part|"
                    r"forms? part of|(?:is|constitutes) an? (?:international agreement|treaty))\b", re.IGNORECASE)
_ANNEXED = re.compile(r"\b(protocol|agreement|treaty|convention|instrument)\s+annexed\b"
                     r"|\bthe\s+annexed\s+(protocol|agreement|treaty|convention|instrument)\b", re.IGNORECASE)
# "The Protocol is a treaty which binds ...": an instrument named by its kind, capitalised as a defined name
_NAMED_INSTRUMENT = re.compile(r"\b[Tt]he\s+(Protocol|Treaty|Convention|Arrangement)(?!\s+(?:on|of|to|between)\b)")
# "1. This Arrangement constitutes ...": an instrument speaking of itself
_THIS_NAMED = re.compile(r"\W*(?:\(?\w{1,4}[.)]\s+)?This\s+(Protocol|Treaty|Convention|Arrangement|Agreement)\b")
_NOT = re.compile(r"\b(?:not|no|neither|nor)\b", re.IGNORECASE)
_FORUM = re.compile(r"(?:dispute settlement|dispute resolution|settlement of disputes)\s*(?:\(|provisions)?\s*"
                    r"(?:under|of|in)\s*$", re.IGNORECASE)
# ("Except as otherwise provided in this Agreement, this Section shall apply to ..." excepts nothing)
_EXCEPT = re.compile(r"\b(?:with the exception of|except(?: for)?|other than|excluding|save for)\b"
                     r"(?!\s+(?:as|where|to the extent)\s+(?:otherwise\s+)?(?:provided|specified|set out))", re.IGNORECASE)
_OWN_FORUM = re.compile(r"\b(?:panel|arbitral tribunal|arbitration|tribunal)\b", re.IGNORECASE)
# "shall not apply to", "does apply in respect of": what a procedure reaches follows the verb
_APPLY = r"\b(?:shall|does|do|will|may)\s+(?:not\s+)?(?:apply|be applicable)\s+(?:to|with respect to|in respect of)\b"
_NOT_APPLY = re.compile(_APPLY, re.IGNORECASE)
# "Neither Chapter 7 nor any other dispute settlement procedure shall apply to this Chapter" (folded text)
_NEITHER_APPLIES = re.compile(r"\b(?:neither|no)\b[^.;]{0,160}?" + _APPLY)
# "This Title shall apply to any dispute ..., save for disputes concerning Title VII": the forum's own scope
# clause, whose exception carves out what follows it
_SCOPE_APPLIES = re.compile(r"\b(?:this|the present) (?:title|chapter|part|section|annex|protocol)\b[^.;]{0,40}?"
                            r"\b(?:shall apply|applies|shall be applicable|is applicable)\b", re.IGNORECASE)
_OWN_BINDING = re.compile(r"\b(?:binding|shall comply|final and)\b", re.IGNORECASE)


@attrs.frozen
class Declaration:
    """A sentence that weakens what it covers: a non-binding declaration or a carve-out."""

    kind: str  # "non-binding" | "carve-out"
    start: int  # the sentence, original offsets
    end: int
    # the units covered; a non-binding declaration without any covers all
    targets: tuple[Unit, ...] = attrs.field(default=(), converter=lambda units: _outermost(units))
    excluded: tuple[Unit, ...] = ()  # units the instrument says do bind, which an instrument-wide one spares

    def covers(self, at: int) -> bool:
        if any(u.start <= at < u.end for u in self.excluded):
            return False
        return not self.targets or any(u.start <= at < u.end for u in self.targets)


def _outermost(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """``units`` less those inside another of them: "Part Two (paragraphs 10 to 15)" names the Part."""
    return tuple(u for u in units if not any(o is not u and o.start <= u.start and u.end <= o.end
                                             and (o.start, o.end) != (u.start, u.end) for o in units))


def _starts(index: DocIndex, name: str) -> list[int]:
    return index.starts(name, LEXICON_PHRASES[name])


def non_binding(index: DocIndex) -> list[Declaration]:
    """Every statement that something in the document creates no legal obligations, scoped to what it
    names; or, failing any, a text of "Participants" that says what they "will" do."""
    resolver = index.resolver
    found: dict[tuple[int, int], Declaration] = {}
    for family in ("non-binding", "voluntary", "creates-nothing"):
        for at in _starts(index, family):
            start, end = index.sentence_at(index.to_original(at))
            if (start, end) in found:
                continue
            if family == "creates-nothing":
                sentence = index.folded.text[index.to_folded(start):index.to_folded(end)]
                if not _CREATES_NOTHING.search(sentence) or _PRIVATE.search(sentence):
                    continue
            declaration = _scoped(index, resolver, start, end, index.to_original(at))
            # "The guidelines in Annex 3 are voluntary" reaches only what it names: participation that "is
            # voluntary" is no part of the instrument
            if declaration is not None and (family != "voluntary" or declaration.targets
                                            or _INSTRUMENT.search(index.doc.text, start, index.to_original(at))):
                found[(start, end)] = declaration
    if found:
        binding = tuple(_declared_binding(index, resolver))
        return [attrs.evolve(d, excluded=binding) if not d.targets else d for _, d in sorted(found.items())]
    participants = _participants(index)
    return [participants] if participants is not None else []


def _scoped(index: DocIndex, resolver: Resolver, start: int, end: int, at: int) -> Declaration | None:
    """What a non-binding statement names (the words before its verb, or the sentence before when they are
    a pronoun): the instrument, a unit of it, or a body's output."""
    text = index.doc.text
    subject = text[start:at]
    own = index.leaf_at(start)
    if _OUTPUT.search(subject):
        # a body's recommendations: the sentences that speak of them, not the Parties' obligations
        outputs = [u for u in index.doc.units() if not u.children and u is not index.leaf_at(start)
                   and re.search(r"(?i)\brecommend", text[u.start:u.end])]
        return Declaration("non-binding", start, end, tuple(outputs)) if outputs else None
    if _INSTRUMENT.search(subject):
        return Declaration("non-binding", start, end)
    # a unit named before the verb, not the heading the sentence sits under ("Article 99 ...")
    units = [t.unit for ref in resolver.references(start, at) if not index.in_heading(index.to_folded(ref.start))
             for t in ref.targets if t.unit is not None and t.unit.kind != "document" and t.unit is not own]
    # "subparagraph c) of paragraph 2 of this Article" names the subparagraph, not what holds it
    units = [u for u in units if not any(u.start <= v.start and v.end <= u.end and v.end - v.start < u.end - u.start
                                         for v in units)]
    if units:
        return Declaration("non-binding", start, end, tuple({id(u): u for u in units}.values()))
    if re.match(r"\W*(?:it|they|this|these|those|such)\b", subject, re.IGNORECASE) and start > 0:
        # "The provisions of this Part express ... They do not create ...": what the sentence before names
        before = index.sentence_at(max(0, start - 2))
        units = [t.unit for ref in resolver.references(*before) for t in ref.targets
                 if t.unit is not None and t.unit.kind != "document" and t.unit is not index.leaf_at(before[0])
                 and not index.in_heading(index.to_folded(ref.start))]
        if units and not _INSTRUMENT.search(text[before[0]:before[1]]):
            return Declaration("non-binding", start, end, tuple({id(u): u for u in units}.values()))
    return Declaration("non-binding", start, end)


def _declared_binding(index: DocIndex, resolver: Resolver) -> Iterator[Unit]:
    """Units the instrument says do bind ("Annex I ... binds the Sides as Parties", "Annex I forms an
    integral part of this Agreement"), which an instrument-wide declaration does not reach."""
    text = index.doc.text
    for m in _BINDS.finditer(text):
        start, end = index.sentence_at(m.start())
        # "does not create legally binding obligations" denies it; "This paragraph does not apply to the
        # annexed Protocol, which is an international agreement binding on ..." affirms it
        if _NOT.search(text, max(start, m.start() - 40), m.start()):
            continue
        for ref in resolver.references(start, end):
            for target in ref.targets:
                if target.unit is not None and (target.unit.kind in ("annex", "part", "chapter") or (
                        # "Paragraphs 3, 6, 7 and 9 of this Memorandum create legally binding obligations"
                        target.unit.kind in ("article", "section") and ref.start < m.start())):
                    yield target.unit
        # "the Protocol annexed to this Declaration, which is a legally binding treaty": the annex that is
        # that instrument (titled so, or the only one)
        named = _ANNEXED.search(text, start, end) or _NAMED_INSTRUMENT.search(text, start, end)
        if named is None and start > 0 and re.match(r"\W*(?:It|They)\b", text[start:m.start()]):
            # "The Protocol set out in the Annex is a separate instrument ... It is governed by international
            # law": the instrument the sentence before named
            before = index.sentence_at(max(0, start - 2))
            named = _NAMED_INSTRUMENT.search(text, before[0], before[1])
        annexes = [u for u in resolver.by_kind.get("annex", []) if u.label != "Preamble"]
        if named is not None:
            kind = next(group for group in named.groups() if group).lower()
            titled = [u for u in annexes if _titled(text, u, kind)]
            yield from titled or (annexes if len(annexes) == 1 else [])
        # "This Arrangement constitutes an agreement ... and is binding on them", inside the annex so titled
        this = _THIS_NAMED.match(text, start, m.start())
        if this is not None:
            yield from (u for u in annexes if u.start <= start < u.end and _titled(text, u, this.group(1).lower()))


def _titled(text: str, annex: Unit, kind: str) -> bool:
    """Whether an annex is titled as an instrument of ``kind``: by its heading, or by the title line that opens
    it ("ANNEX" and then "ARRANGEMENT BETWEEN ...")."""
    if annex.heading:
        return annex.heading.lower().startswith(kind)
    opening = text[annex.start:annex.start + 300].split("\n")
    lines = [line.strip() for line in opening[1:] if line.strip()]
    return bool(lines) and lines[0].lower().startswith(kind) and lines[0].isupper()


def _participants(index: DocIndex) -> Declaration | None:
    text = index.folded.text
    # Counting whole words is a regex pass over the text; a substring count bounds it from above and
    # rules out almost every treaty for the price of a memchr.
    if sum(text.count(w) for w in lexicon.PARTICIPANT_WORDS) < 3:
        return None
    participants = sum(_whole_words(rf"{w}s?\b", text) for w in lexicon.PARTICIPANT_WORDS)
    parties = sum(_whole_words(rf"{w}\b", text) for w in lexicon.PARTY_WORDS)
    # A memorandum between "Participants" says what they "will" do; a binding agreement whose signatories
    # are called participants (the GSTP) still says "shall".
    commitments = text.count(" shall ")
    if participants >= 3 and participants > 2 * parties and text.count(" will ") > commitments:
        first = re.search(rf"\b{lexicon.PARTICIPANT_WORDS[0]}", text)
        assert first is not None
        start, end = index.sentence_at(index.to_original(first.start()))
        return Declaration("non-binding", start, end)
    return None


def _whole_words(pattern: str, text: str) -> int:
    """Matches of ``pattern`` that start a word: ``\\bword\\b`` with the first ``\\b`` checked by hand, as
    a pattern opening with a literal is searched ten times faster than one opening with ``\\b``."""
    count = 0
    for m in re.finditer(pattern, text):
        at = m.start()
        if not at or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            count += 1
    return count


def carve_outs(index: DocIndex) -> list[Declaration]:
    """Sentences that take units out of dispute settlement, with the units they name."""
    resolver = index.resolver
    found: dict[tuple[int, int], Declaration] = {}
    text = index.doc.text
    articles = forum_articles(index)

    tried: set[tuple[int, int, bool, bool]] = set()  # a chapter's sentences are reached from each heading in it
    owned: dict[tuple[int, int, int], bool] = {}  # many carve-outs name the same units from the same article

    def own(unit: Unit, article: Unit | None, leaf: Unit) -> bool:
        key = (id(unit), id(article), id(leaf))
        if key not in owned:
            owned[key] = _own_procedure(index, resolver, unit, article, leaf)
        return owned[key]

    def consider(start: int, end: int, trigger_in_sentence: bool, sole_only: bool = False) -> None:
        # ``sole_only``: reached from "exclusively by" or "only way" with no dispute procedure named, where
        # only a sole means can carve out (the same sentence reached from a named procedure is tried apart)
        if (start, end) in found or (start, end, trigger_in_sentence, sole_only) in tried:
            return
        tried.add((start, end, trigger_in_sentence, sole_only))
        folded_sentence = index.folded.text[index.to_folded(start):index.to_folded(end)]
        sole = trigger_in_sentence and _sole_means(folded_sentence)
        if sole_only and not sole:
            return
        if not sole and not EXCLUSION_RE.search(folded_sentence) and \
                not (trigger_in_sentence and (_EXCEPT.search(text, start, end) or _NEITHER_APPLIES.search(folded_sentence))) and \
                not (_EXCEPT.search(text, start, end) and _SCOPE_APPLIES.search(text, start, end)):
            return
        article = resolver.enclosing(start, "article")
        leaf = index.leaf_at(start)
        targets = [u for u in _targets(index, resolver, start, end, sole) if not own(u, article, leaf)
                   and not within(u, articles)]
        if targets:
            found[(start, end)] = Declaration("carve-out", start, end, tuple({id(u): u for u in targets}.values()))

    for at in _starts(index, "carve-out"):
        original = index.to_original(at)
        if index.in_heading(at):
            # "Article 9: Non-Application of Dispute Settlement" names, it does not carve; but in the unit
            # it heads, "this Chapter ... shall not apply to Articles 5 and 6" speaks of dispute settlement
            for unit in _headed_by(index, original):
                for leaf in (u for u in unit.walk() if not u.children):
                    for start, end in index.sentences_in(leaf):
                        if not (leaf.heading_span and end <= leaf.heading_span[1]):  # a title is no sentence
                            consider(start, end, False)
            continue
        consider(*index.sentence_at(original), True, TRIGGER_RE.match(index.folded.text, at) is None)
    # "The procedures of Chapter 20 are not available in respect of Article 4": the procedure named by its number
    for forum in forum_divisions(index):
        for m in re.finditer(r"\b" + re.escape(forum.label) + r"\b(?![.\d])", text):
            if not forum.start <= m.start() < forum.end and not index.in_heading(index.to_folded(m.start())):
                consider(*index.sentence_at(m.start()), True)
    # "Differences concerning 3 are not subject to 7.1": the procedure cited by its number alone
    for start, end in citing_sentences(index, articles):
        consider(start, end, True)
    return [found[k] for k in sorted(found)]


def _headed_by(index: DocIndex, at: int) -> list[Unit]:
    """The unit whose heading holds ``at`` (a dispute-settlement chapter or article), if any."""
    for unit in index.ancestors(index.leaf_at(at)):
        if unit.heading_span and unit.heading_span[0] <= at < unit.heading_span[1]:
            return [unit]
    return []


def _sole_means(folded: str) -> bool:
    """Consultations declared the only way to resolve matters: dispute settlement excluded unnamed."""
    return ("consult" in folded and re.search(r"\b(?:sole|only|exclusive)\s+(?:means|method|way|mechanism|procedure|"
                                              r"avenue|forum)\b|\b(?:exclusively|solely|only)\s+(?:by|through)\s+"
                                              r"(?:(?:way|means) of\s+)?(?:[\w-]+\s+){0,2}?consultations?\b", folded) is not None
            and re.search(r"\b(?:resolv|settl)", folded) is not None)


def _targets(index: DocIndex, resolver: Resolver, start: int, end: int, sole: bool) -> list[Unit]:
    """Units a carve-out sentence takes out: "this Chapter" is the enclosing chapter; "Articles 12.1 to
    12.4" those articles; after "with the exception of", what follows. A reference that names the forum
    itself ("dispute settlement under Chapter 28", "Chapter 28 (Dispute Settlement)") is not carved out."""
    text = index.doc.text
    exception = _EXCEPT.search(text, start, end)
    # "This Section shall not apply to any matter arising under Chapter 9": what it applies to follows the verb;
    # what comes before it is the procedure itself
    applies = _NOT_APPLY.search(text, start, end)
    units: list[Unit] = []
    for ref in resolver.references(start, end):
        if exception is not None and ref.start < exception.end():
            continue  # "Chapter 22 applies to this Chapter, with the exception of ...": only what follows
        if applies is not None and ref.start < applies.start():
            continue
        if _FORUM.search(text, max(start, ref.start - 40), ref.start) or \
                re.match(r"\s*\(\s*dispute", text[ref.end:ref.end + 12], re.IGNORECASE):
            continue
        units.extend(t.unit for t in ref.targets if t.unit is not None
                     and not (t.unit.heading and FORUM_HEADING.search(t.unit.heading)))
    if sole and not units:
        units.append(resolver.enclosing(start, "chapter") or index.doc.root)
    if re.search(r"(?i)\b(?:this|the present) agreement\b", text[start:end]) and not units and not sole:
        units.append(index.doc.root)
    return [u for u in units if u.kind != "document" or sole or u is index.doc.root]


def _annexed_procedures(index: DocIndex, resolver: Resolver, unit: Unit, article: Unit) -> list[Unit]:
    """The annexes the carve-out's article sends ``unit``'s disputes to: those a sentence of the article
    refers to when it names no other provision, or names ``unit`` (or what holds it, or what it holds).
    "Any dispute concerning Article 21.5 shall be settled in accordance with Annex 21-A" gives Article
    21.5 a procedure, not Articles 21.3 and 21.4 carved out in the paragraph before."""
    found: list[Unit] = []
    refs = list(resolver.references(article.start, article.end))
    for ref in refs:
        for annex in (t.unit for t in ref.targets if t.unit is not None and t.unit.kind == "annex"):
            start, end = index.sentence_at(ref.start)
            named = [t.unit for other in refs if start <= other.start < end for t in other.targets
                     if t.unit is not None and t.unit.kind != "annex"]
            if not named or _overlaps(named, unit):
                found.append(annex)
    return found


def _own_procedure(index: DocIndex, resolver: Resolver, unit: Unit, article: Unit | None, leaf: Unit) -> bool:
    """Whether a unit taken out of the general dispute settlement has a binding procedure of its own: in
    itself, in the carve-out's own paragraph ("... shall not apply to Article 32.6. Any such matter may be
    referred to an Economic Security Panel", whose report binds), or in what the carve-out's article refers
    to ("settled exclusively in accordance with Annex 9-A", whose panel report is binding)."""
    text = index.doc.text
    places = [unit, leaf] + ([*_annexed_procedures(index, resolver, unit, article), article] if article is not None else [])
    for place in places:
        seen = -1
        for forum in _OWN_FORUM.finditer(text, place.start, place.end):
            if forum.start() < seen:
                continue  # another forum word of a sentence already looked at
            sentence = index.sentence_at(forum.start())
            seen = sentence[1]
            if place is article and not _names(resolver, sentence, unit):
                continue  # elsewhere in the carve-out's article, a forum only for what its sentence names
            # the carve-out's paragraph may leave the report's force to the next paragraph of its article
            limit = article.end if place is leaf and article is not None else place.end
            after = limit - len(text[sentence[1]:limit].lstrip(". \n\t"))  # where the next sentence starts
            following = index.sentence_at(min(limit - 1, max(after, sentence[1] + 1)))
            window = text[sentence[0]:max(sentence[1], following[1])]
            # "The panel shall present its final report ... The final report shall be binding on the Parties"
            if _OWN_BINDING.search(window) and not EXCLUSION_RE.search(window.lower()):
                return True
    return False


def _names(resolver: Resolver, sentence: tuple[int, int], unit: Unit) -> bool:
    """Whether a sentence refers to ``unit``, to what holds it or to what it holds ("may refer any dispute
    concerning Chapter 2 or Chapter 3 to a Special Panel" names Chapter 2)."""
    return _overlaps([t.unit for ref in resolver.references(*sentence) for t in ref.targets if t.unit is not None], unit)


def _overlaps(named: list[Unit], unit: Unit) -> bool:
    """Whether one of ``named`` is ``unit``, holds it or lies in it."""
    return any(n.start <= unit.start < n.end or unit.start <= n.start < unit.end for n in named)
