"""The draft read as a lawyer reads it: words that stand for words written elsewhere.

Built once per document, after segmentation, the same for every input format. Three kinds of link:
- ``definition``: a defined term stands for its definition wherever it is used in the definition's
  scope ("Covered Transaction" means an acquisition ... that may affect national security; "(the
  Council)" after "an Economic Security Council"; a body "hereby established" under a capitalised name);
- ``reference``: a reference that points at content ("the minerals listed in the Appendix", "the
  matters governed by Articles 2 to 7", "the treatment indicated in Table 1") stands for what it names;
- ``antecedent``: a back-reference ("such reviews", "these controls", "the foregoing", "the request") stands
  for the words it points back to, in its article (or the innermost section, part or annex where there is
  none), and for the definitions of the terms used there (``chains.py``).
The engine gives each link's site the term hits of its source (``DocIndex.add_links``), so a condition
can hold where the operative sentence is; that sentence alone decides how strongly it binds.

What is kept out, because real treaties are full of it and a lawyer reads past it:
- references that cite rather than point at content: to whole chapters, parts and sections ("as referred
  to in Chapter 8"), to articles unless they name the matters or obligations in them ("the matters
  governed by Articles 2 to 7"), and to other instruments ("Chapters 1 through 14 of the Harmonized
  System"), and references a sentence acts upon ("shall not withhold its obligations under §§ 3 to 7"),
  which is about those provisions, not a copy of them (``pointers.py``);
- lower-case defined terms that are single words or fields of law ("customs laws" means ... importation,
  exportation ..., "intellectual property"), whose definitions describe ordinary words; a term of several
  words coined for the instrument carries its definition in lower case too ("listed item" means ...);
- back-references to generic words ("such measures", "such action"), and antecedents farther back than
  about a paragraph; "the foregoing" is the paragraph before.
A link only adds context: the engine counts a match only if some of its words are written where the
operative sentence is, except for a table or schedule, which a sentence may bind wholly by reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import chain

import attrs

from esa_rules.document import STRUCTURAL_KINDS, Document, Unit
from esa_rules.engine.defined_terms import LISTED_THINGS, coined, names_listed_thing
from esa_rules.engine.defined_terms import head as term_head
from esa_rules.engine.meanings import meanings
from esa_rules.engine.pointers import pointing_references
from esa_rules.engine.references import FAMILIES as REFERENCE_FAMILIES
from esa_rules.engine.references import Resolver
from esa_rules.engine.term_uses import Definition as _Definition
from esa_rules.engine.term_uses import nested as _nested
from esa_rules.engine.term_uses import sentence as _sentence
from esa_rules.engine.term_uses import uses as _term_uses

_QUOTE = "\"\u201c\u201d"
_QUOTED_DEFINITION = re.compile(  # ('"Listed Minerals": the metals ...' in a definitions list, too)
    rf"[{_QUOTE}]([^{_QUOTE}\n]{{2,80}})[{_QUOTE}]\s*(?:(?:,\s*)?(?:means|shall mean|refers to|has the meaning|is defined as)\b"
    r"|:(?=\s)|\s(?:[\u2014\u2013]|--?)(?=\s))")  # '"strategic enterprise" \u2014 a legal entity ...' (or " - ") too
_UNQUOTED_DEFINITION = re.compile(r"^\W*(?:\(?[0-9a-z]{1,4}[.)]\s+)?((?:the\s+|an?\s+)?[\w-]+(?:\s+[\w-]+){0,5}?)\s+"
                                  r"(?:means|shall mean|refers to)\b")
_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")  # lines up to a blank line
_PARENTHETICAL = re.compile(
    rf"\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?|referred\s+to\s+(?:below\s+|hereinafter\s+)?as\s+)?"
    rf"(?:(?:the|an?)\s+)?[{_QUOTE}]([^{_QUOTE}]{{2,60}})[{_QUOTE}]\s*\)", re.IGNORECASE)
# "the minerals set out in Annex 12-A (the "Covered Minerals")": the name stands for the list (a longer annex is a text)
_LIST_BEFORE = re.compile(r"\b(?:Annex|Appendix|Schedule|Table|Attachment)\s+[\w.-]{1,8}\s*$")
_MAX_LIST = 3000
_HEREINAFTER = re.compile(r"\(\s*(?:hereinafter|referred\s+to)\b", re.IGNORECASE)
_BODY = r"(?:Council|Committee|Board|Commission|Working Group|Group|Network|Dialogue|Forum|Secretariat|Mechanism)"
_NAME = r"((?:[A-Z][\w'\u2019-]*\s+(?:(?:on|of|for|and)\s+(?:the\s+)?)?){0,7}?" + _BODY + r")\b"
_ESTABLISHED = (
    re.compile(r"\b(?:establish(?:es)?|create[s]?|set[s]?\s+up|constitute[s]?|convene[s]?)\s+(?:a|an|the)\s+"
               + _NAME),
    re.compile(r"\b(?:An?|The)\s+" + _NAME + r"(?:\s*\([^)]*\))?\s+(?:is|shall\s+be|are|will\s+be)\s+(?:hereby\s+)?"
               r"(?:established|created|set\s+up|constituted)"),
)
_NAME_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:[A-Z][\w'\u2019-]*[ \t]+(?:(?:on|of|for|and|in)[ \t]+(?:the[ \t]+)?)?)*[A-Z][\w'\u2019-]*[ \t]*$")
# Names of the signatories and of the instrument itself: defined everywhere, standing for nothing a rule
# looks for ("Australia and the Republic of Meridia (the "Parties")").
_GENERIC_TERMS = frozenset({"party", "parties", "contracting party", "contracting parties", "participant",
                            "participants", "side", "sides", "member", "members", "member states", "agreement",
                            "this agreement", "the agreement", "signatories",
                            # divisions of the text: "Table means a table set out in the Schedule" says what the
                            # word refers to; "that Table" is one table, which the resolver finds
                            "table", "tables", "annex", "annexes", "schedule", "schedules", "appendix", "article",
                            "chapter", "section", "part"})
# A body set up under a common noun: "will establish a working group on critical supply chains"
_LOWER_BODY = re.compile(r"\b(?:establish(?:es)?|create[s]?|set[s]?\s+up|constitute[s]?|convene[s]?)\s+(?:a|an)\s+"
                         r"((?:[a-z][\w-]*\s+){0,3}?(?:council|committee|board|commission|working group|group|network|"
                         r"dialogue|forum|mechanism))((?:\s+(?:on|for|of|to|in)\s+(?:the\s+)?[\w-]+"
                         r"(?:\s+(?:and\s+)?[a-z][\w-]*){0,5})?)")
# "It shall meet ...": the body the sentence before established
_IT = re.compile(r"(?:^|(?<=[.;]\s)|(?<=\n))\s*(?:It|it|The latter|the latter)\s+(?=(?:shall|will|may|must|should)\b)")
_ESTABLISHING = re.compile(r"\b(?:establish|create|set up|constitute)", re.IGNORECASE)
_DEFINITIONS_HEADING = re.compile(r"(?i)\bdefinitions?\b|\binterpretation\b|\buse of terms\b|\bglossary\b")
# a glossary's entry: a term in capitals and a colon ("COVERED ACQUISITION: any transaction by which ...")
_GLOSSARY_ENTRY = re.compile(r"^\W*([A-Z][A-Z-]+(?:,? [A-Z][A-Z-]+){0,5}):\s+")
# A definition that names a list rather than describing words: "means the goods set out in Table 9-A"
_LIST_POINTER = re.compile(r"\b(?:set\s+out|listed|specified|enumerated|contained|identified|included)\s+in\s+"
                           r"(?:the\s+)?(?:tables?|annex(?:es)?|appendi(?:x|ces)|schedules?)\b", re.IGNORECASE)
_BACK = re.compile(r"\b(?:[Ss]uch|[Tt]hese|[Tt]hose|[Tt]he said)\s+((?:[a-z-]+\s+){0,2}?([a-z-]{4,}))\b"
                   # "the request", "the meeting": made or allowed earlier in its article; "the affected Party"
                   r"|\b[Tt]he\s+(()(request|meeting))\b(?!\s+(?:of|for|to|from|by)\b)"
                   r"|\b[Tt]he\s+(()(affected|targeted)\s+(?:State\s+)?(?:Party|Side|Member|Participant))\b")
# "Neither Side shall add an entry to its list": the list an earlier sentence of the article set up
_POSSESSIVE = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+((?:control\s+)?(lists?))\b")
# The nouns whose back-references carry a concept ("such reviews" are the security reviews of the sentence
# before); "such measures" or "such action" could be anything.
_BACK_NOUNS = frozenset(
    "request meeting review reviews control controls consultation consultations transaction transactions acquisition acquisitions "
    "investment investments list lists good goods mineral minerals item items notification notifications "
    "assessment assessments disruption disruptions shortage shortages licence licences license licenses "
    "technology technologies screening examination examinations restriction restrictions".split())
# Generic nouns carry a concept only from the sentence right before ("measures ... to coerce ... such measures")
_STOP = re.compile(r"[.;](?=\s)")
_GENERIC_BACK_NOUNS, _GENERIC_REACH = frozenset("measure measures practice practices".split()), 300
# may sum up a sentence without its word: "state-directed pricing ... 2. ... addressing such policies"
_SUMMING_NOUNS = frozenset("conduct pressure pressures policies affected targeted".split())
_WINDOW = 90  # characters either side of an antecedent noun that its back-reference stands for
_BACK_REACH = 1500  # how far back (characters) an antecedent may be
# "the third State concerned": the outsider whose conduct an earlier article of the chapter described
_OUTSIDER = r"(?:third\s+(?:State|state|country|party|Party)|non-(?:Party|party|Member|member)(?:\s+State)?)"
_OUTSIDER_CONCERNED = re.compile(rf"\b(?:[Tt]he|[Tt]hat)\s+{_OUTSIDER}\s+concerned\b")


@attrs.frozen
class Link:
    """Words (``site``) that stand for words written elsewhere (``source``), in original offsets."""

    kind: str  # definition | reference | antecedent
    site: tuple[int, int]
    source: tuple[int, int]
    label: str  # where the source is, for evidence: "the definition of “Control List” in Article 9.1"
    wholly: bool = False  # a table or schedule, which a sentence may bind by reference alone


# Cue words scanned by the Checker's automaton (with ``references.FAMILIES``), so that the searches below
# look only where one occurs instead of running a regular expression over the whole text.
FAMILIES: dict[str, tuple[str, ...]] = {
    **REFERENCE_FAMILIES,
    "establish": ("establish*", "create*", "set up", "sets up", "constitute*", "convene*"),
    "back": ("such", "these", "those", "the said", "the request", "the meeting", "the affected", "the targeted"),
    "possessive": ("its list", "its lists", "their list", "their lists", "its control list", "their control list"),
    "concerned": ("concerned",),
}


def links(doc: Document, resolver: Resolver, has_hits: Callable[[tuple[int, int]], bool] = lambda span: True,
          candidates: Mapping[str, Sequence[int]] | None = None) -> list[Link]:
    """Every link of the document whose source holds a word some rule looks for (``has_hits``): most
    definitions of a trade agreement define nothing a rule looks for, and their uses are not searched.
    ``candidates``: the original starts of the ``FAMILIES`` cue words, when the caller has scanned them."""
    out: list[Link] = []
    references = list(_references(doc, resolver, candidates))

    def pointed(span: tuple[int, int]) -> list[Link]:
        """The references inside a definition: "the goods set out in Table 9-A" stands for the table."""
        return [r for r in references if span[0] <= r.site[0] and r.site[1] <= span[1] and has_hits(r.source)]

    definitions = [d for d in _definitions(doc, resolver, candidates) if d.term.lower() not in _GENERIC_TERMS]
    through = {d.source: pointed(d.source) for d in definitions}
    used = [d for d in definitions if has_hits(d.source) or through[d.source]]
    uses = list(_term_uses(doc.text, used))
    # a definition that uses another defined term carries that term's definition too, one hop
    nested = _nested(uses, definitions, has_hits, lambda d: term_head(d.term) in LISTED_THINGS)
    uses += _term_uses(doc.text, [d for d in definitions if d.source in nested and all(u is not d for u in used)])
    for site, d in uses:
        use = Link("definition", site, d.source, d.label)
        if has_hits(use.source):
            out.append(use)
        out.extend(Link("definition", use.site, r.source, f"{use.label}, {r.label}", wholly=r.wholly)
                   for r in through.get(use.source, ()))
        out.extend(Link("definition", use.site, e.source, f"{use.label}, {e.label}")
                   for e in nested.get(d.source, ()) if not e.source[0] <= site[0] < e.source[1])
    out.extend(link for link in chain(references, _antecedents(doc, candidates), _pronouns(doc, candidates))
               if has_hits(link.source))
    return out


def _pronouns(doc: Document, candidates: Mapping[str, Sequence[int]] | None) -> Iterator[Link]:
    """ "It shall meet twice a year" right after a body is set up: "it" stands for the body's name."""
    text = doc.text
    for regex in (*_ESTABLISHED, _LOWER_BODY):
        for m in _at(regex, text, "establish", candidates, 200 if regex is _ESTABLISHED[1] else 0):
            name = (m.start(1), m.end(2) if regex is _LOWER_BODY else m.end(1))
            # the rest of its paragraph and the next one, at most two sentences on; headings set apart are none
            window_end = text.find("\n\n", text.find("\n\n", m.end()) + 2)
            while window_end >= 0 and doc.headings_only(text.rfind("\n\n", 0, window_end) + 2, window_end):
                window_end = text.find("\n\n", window_end + 2)  # the same in every format
            window_end = len(text) if window_end < 0 else min(window_end, m.end() + 600)
            for it in _IT.finditer(text, m.end(), window_end):
                yield Link("antecedent", (it.start() + len(it.group()) - len(it.group().lstrip()),
                                          it.end() - 1), name, f"the body set up in {_leaf(doc, m.start()).label}")


def _at(regex: re.Pattern[str], text: str, family: str, candidates: Mapping[str, Sequence[int]] | None,
        back: int = 0) -> Iterator[re.Match[str]]:
    """Matches of ``regex``: everywhere, or only from a cue word of ``family`` (searching ``back``
    characters before it, for a pattern whose cue word is not its first)."""
    positions = candidates.get(family) if candidates is not None else None
    if positions is None:
        yield from regex.finditer(text)
        return
    seen: set[int] = set()
    for at in positions:
        m = regex.search(text, max(0, at - back), at + 1) if back else regex.match(text, at)
        if m is not None and m.start() not in seen:
            seen.add(m.start())
            yield m


def _leaf(doc: Document, at: int) -> Unit:
    return doc.unit_path(at)[-1]


def _scope(doc: Document, resolver: Resolver, at: int, text: str) -> tuple[int, int]:
    """A definition applies in the unit its words name ("for the purposes of this Chapter"), else in its
    chapter, else in the whole document."""
    named = _PURPOSES.search(text)
    if named is None:  # "For the purposes of this Agreement:" above the list of definitions
        article = resolver.enclosing(at, "article")
        named = _PURPOSES.search(doc.text, article.start, at) if article is not None else None
    kind = named.group(1).lower() if named else "chapter"
    unit = resolver.enclosing(at, "document" if kind == "agreement" else kind) or doc.root
    if named is None and unit.heading and _GENERAL_CHAPTER.match(unit.heading):
        unit = doc.root  # the definitions of a chapter of general provisions serve the whole instrument
    return unit.start, unit.end


_PURPOSES = re.compile(r"(?i)(?:for the purposes? of|(?:^|\n)\W*(?:\d{1,3}\.\s+)?(?:in|under|throughout)) (?:this|the present) "
                       r"(chapter|part|section|annex|article|agreement)\b")
# "Chapter I GENERAL PROVISIONS", "INITIAL PROVISIONS AND GENERAL DEFINITIONS"
_GENERAL_CHAPTER = re.compile(r"(?i)\W*(?:general|initial|introductory|preliminary)\b|\W*definitions\b")


def _definitions(doc: Document, resolver: Resolver,
                 candidates: Mapping[str, Sequence[int]] | None) -> Iterator[_Definition]:
    text = doc.text
    for m in _QUOTED_DEFINITION.finditer(text):
        leaf = _leaf(doc, m.start())
        end = text.find(";", m.end(), leaf.end)  # or its sentence's end: a footnote run into one paragraph
        end = min(leaf.end if end < 0 else end, _sentence(text, leaf, m.end())[1])
        term = " ".join(m.group(1).split())
        if not term[:1].isupper() and not _LIST_POINTER.search(text, m.end(), end) and not coined(term):
            continue  # a lower-case term describes ordinary words, unless it names a list: "the goods set out in Table 9-A"
        # '"Sensitive acquisition" means ...' capitalises only the sentence's first word: "a sensitive
        # acquisition" is the term, as a coined lower-case term is at the start of a sentence
        sentence_case = coined(term) and term[1:] == term[1:].lower()
        yield _Definition(term, (m.end(), end), _scope(doc, resolver, m.start(), text[leaf.start:leaf.end]),
                          (m.start(), end), f"the definition of \u201c{term}\u201d in {leaf.label}", not sentence_case)
    for article in (*resolver.by_kind.get("article", []), *resolver.by_kind.get("annex", [])):
        if not (article.heading and _DEFINITIONS_HEADING.search(article.heading)):
            continue
        for leaf in article.walk():
            body = text[leaf.start:leaf.end]
            if leaf.children or _QUOTED_DEFINITION.search(body):
                continue
            # a plain draft sets its definitions as blocks of one paragraph, one per blank-line-separated
            # entry, or one per line ("reviewing authority means ...;" under "For the purposes of this Chapter:")
            for block_start, block_end in _entries(body):
                plain = _UNQUOTED_DEFINITION.match(body[block_start:block_end]) or \
                    _GLOSSARY_ENTRY.match(body[block_start:block_end])
                if plain is None:
                    continue
                # "PARTY, PARTIES: ..." in a glossary defines both
                for name in plain.group(1).split(", ") if plain.re is _GLOSSARY_ENTRY else [plain.group(1)]:
                    term = re.sub(r"^(?:the|an?)\s+", "", " ".join(name.split()), flags=re.IGNORECASE)
                    if term[:1].isupper() or names_listed_thing(term):
                        start, end = leaf.start + block_start, leaf.start + block_end
                        yield _Definition(term, (start + plain.end(), end), _scope(doc, resolver, leaf.start, body),
                                          (start, end), f"the definition of \u201c{term}\u201d in {leaf.label}", True)
    yield from meanings(doc, resolver, _scope)
    for m in _PARENTHETICAL.finditer(text):
        # what the parenthesis names is the proper name just before it: "an Economic Security Council (the
        # "Council")"; a lower-case word ends the name
        named = _NAME_BEFORE.search(text, max(0, m.start() - 200), m.start())
        term = " ".join(m.group(1).split())
        leaf = _leaf(doc, m.start())
        if not term[:1].isupper():
            # "goods ... capable of both civil and military application ("covered items")"; not a capitalised
            # name quoted with its article ("the Council")
            if coined(term) and not re.match(r"(?:the|an?)\s", term):
                sentence = _sentence(text, leaf, m.start())
                yield _Definition(term, (sentence[0], m.start()), (leaf.start, len(text)), (sentence[0], m.end()),
                                  f"\u201c{term}\u201d as introduced in {leaf.label}", False)
            continue
        listed = _LIST_BEFORE.search(text, max(0, m.start() - 40), m.start())
        lists = [t.unit for ref in resolver.references(listed.start(), m.start()) for t in ref.targets
                 if t.unit is not None and t.unit.end - t.unit.start <= _MAX_LIST] if listed else []
        if len(lists) == 1:  # the name stands for the list (see _LIST_BEFORE)
            yield _Definition(term, (lists[0].start, lists[0].end), (leaf.start, len(text)), (leaf.start, m.end()),
                              f"\u201c{term}\u201d as introduced in {leaf.label}: {lists[0].label}", True)
            continue
        if (named is None or " ".join(named.group().split()).lower() in _GENERIC_TERMS) \
                and _HEREINAFTER.match(m.group()):
            # "... capital and labor otherwise than through market forces (hereinafter a "Designated
            # Economy")": what the sentence has said up to there is what the name stands for
            sentence = _sentence(text, leaf, m.start())
            yield _Definition(term, (sentence[0], m.start()), (leaf.start, len(text)), (sentence[0], m.end()),
                              f"\u201c{term}\u201d as introduced in {leaf.label}", True)
            continue
        if named is None:
            continue
        determiner = re.match(r"(?:An?|The)\s+", named.group())  # "an Economic Security Council": the name
        start = named.start() + (determiner.end() if determiner else 0)
        end = named.start() + len(named.group().rstrip())
        sentence = _sentence(text, leaf, m.start())
        if _ESTABLISHING.search(text, sentence[0], sentence[1]):
            start, end = sentence  # a body set up here: its name stands for all the sentence says of it
        yield _Definition(term, (start, end), (leaf.start, len(text)), (min(start, named.start()), m.end()),
                          f"\u201c{term}\u201d as introduced in {leaf.label}", True)
    for regex, back in zip(_ESTABLISHED, (0, 200), strict=True):
        for m in _at(regex, text, "establish", candidates, back):
            name = " ".join(m.group(1).split())
            head = re.search(_BODY + r"$", name)
            if head is None or name == head.group():
                continue
            leaf = _leaf(doc, m.start())
            # what the sentence setting the body up says of it (its composition, its remit) goes with it
            sentence = _sentence(text, leaf, m.start())
            for term in dict.fromkeys((name, head.group())):
                yield _Definition(term, sentence, (leaf.start, len(text)), (m.start(), m.end()),
                                  f"the {name} established in {leaf.label}", True)
    for m in _at(_LOWER_BODY, text, "establish", candidates):
        # "a working group on critical supply chains": "the working group" stands for the whole name
        leaf = _leaf(doc, m.start())
        name = " ".join((m.group(1) + m.group(2)).split())
        head = re.search(r"(?:working group|[a-z]+)$", m.group(1))
        assert head is not None
        yield _Definition(head.group(), (m.start(1), m.end(2)), (m.end(), len(text)), (m.start(), m.end()),
                          f"the {name} established in {leaf.label}", False)


def _entries(body: str) -> Iterator[tuple[int, int]]:
    """A definitions paragraph's entries: its blocks, cut again where a line opens a definition of its own."""
    for block in _BLOCK.finditer(body):
        lines = block.group()
        starts = [0, *(m.start() for m in re.finditer(r"(?<=\n)", lines) if _UNQUOTED_DEFINITION.match(lines[m.start():]))]
        for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            yield block.start() + start, block.start() + len(lines[:end].rstrip())


def _references(doc: Document, resolver: Resolver,
                candidates: Mapping[str, Sequence[int]] | None) -> Iterator[Link]:
    for ref, targets, backwards in pointing_references(doc, resolver, candidates):
        for target in targets:
            yield Link("antecedent" if backwards else "reference", (ref.start, ref.end), (target.start, target.end),
                       target.label, wholly=target.unit is None or target.unit.kind == "annex")


def _said_before(doc: Document, article: Unit, at: int) -> tuple[int, int] | None:
    """The sentence before ``at`` in its paragraph, else the paragraph before it in its article."""
    leaf = _leaf(doc, at)
    stops = [m.start() for m in _STOP.finditer(doc.text, leaf.start, at)]  # hard-wrapped lines end in ".\n"
    if stops and stops[-1] > leaf.start + 4:  # more than an enumerator ("2. ") before it
        return max([leaf.start] + [s + 2 for s in stops[:-1] if doc.text[s] == "."]), stops[-1] + 1
    b = _leaf(doc, leaf.start - 1) if leaf.start > article.start else None  # not the article's own heading line
    return (b.start, b.end) if b is not None and article.start <= b.start < b.end <= leaf.start else None


def _antecedents(doc: Document, candidates: Mapping[str, Sequence[int]] | None) -> Iterator[Link]:
    text = doc.text
    cues = candidates.get("concerned") if candidates is not None else None
    found_outsiders = _OUTSIDER_CONCERNED.finditer(text) if cues is None else \
        filter(None, (_OUTSIDER_CONCERNED.search(text, max(0, at - 40), at + 9) for at in cues))
    for m in found_outsiders:
        division = next((u for u in reversed(doc.unit_path(m.start())) if u.kind in ("chapter", "part", "section")),
                        doc.root)
        reach = max(division.start, m.start() - _BACK_REACH)
        earlier = [o for o in re.finditer(_OUTSIDER, text[reach:m.start()]) if o.end() < m.start() - reach - 1]
        if earlier:
            named = reach + earlier[-1].start()
            leaf = _leaf(doc, named)
            yield Link("antecedent", (m.start(), m.end()), _sentence(text, leaf, named),
                       f"\u201c{m.group()}\u201d, the one {leaf.label} describes")
    for m in chain(_at(_BACK, text, "back", candidates), _at(_POSSESSIVE, text, "possessive", candidates)):
        noun = (m.group(2) or m.group(5) or m.group(8)).lower() if m.re is _BACK else m.group(2).lower()
        if noun not in _BACK_NOUNS and noun not in _GENERIC_BACK_NOUNS and noun not in _SUMMING_NOUNS:
            continue
        article = next((u for u in reversed(doc.unit_path(m.start())) if u.kind in STRUCTURAL_KINDS), doc.root)
        stem = "meet" if noun == "meeting" else noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")
        sentence = max(text.rfind(". ", article.start, m.start()), text.rfind("\n", article.start, m.start()))
        if sentence < 0:
            continue  # the first sentence of its article has nothing to point back to
        # a generic noun ("such measures") points at the sentence just before it, never further
        reach = max(article.start, min(sentence - _GENERIC_REACH, text.rfind(". ", article.start, sentence))
                    if noun in _GENERIC_BACK_NOUNS else sentence - _BACK_REACH)  # the whole sentence before, at most
        if noun in _SUMMING_NOUNS:
            # "a non-Party may seek to compel a Party ... by restricting trade. 2. A Party that considers itself
            # the target of such conduct ...": the noun sums up what was said just before, named there or not
            source = _said_before(doc, article, m.start())
            if source is not None:
                yield Link("antecedent", (m.start(), m.end()), source,
                           f"\u201c{m.group().strip()}\u201d, what {_leaf(doc, source[0]).label} describes")
            continue
        found = list(re.finditer(rf"(?i)\b{re.escape(stem[:max(4, len(stem) - 1)])}", text[reach:sentence]))
        if not found:
            continue
        before = reach + found[-1].start()
        source = (max(article.start, before - _WINDOW), min(sentence, before + _WINDOW))
        if (m.re is _BACK and m.group(5)) or noun in _GENERIC_BACK_NOUNS:  # "the request", "such a measure", "the meeting": the whole sentence that made it and what it was for
            heading = article.heading_span or (0, 0)  # a caption is its own sentence, however laid out
            source = heading if heading[0] <= before < heading[1] else _sentence(text, _leaf(doc, before), before)
        label = f"\u201c{m.group().strip()}\u201d, the {noun} of {_leaf(doc, before).label}"
        yield Link("antecedent", (m.start(), m.end()), source, label)
