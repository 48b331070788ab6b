"""Cross-references in a draft, resolved to the units (or table blocks) they name.

"Articles 12.1 to 12.4", "Articles 2, 5 and 7", "Article 9.3.2", "paragraph 3" (of the article it is
in), "the preceding paragraph", "this Chapter", "Annex 9-A", "Schedule C", "the Appendix", "Table 1".
Numbers compare as numbers ("12.10" comes after "12.9"; roman numerals as their value). A reference that
names nothing in the draft resolves to nothing: it is never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import attrs

from esa_rules.document import STRUCTURAL_KINDS, Document, Unit
from esa_rules.numbering import ORDINALS, roman_value, word_number

# The word a draft uses -> the kind of unit it names (an appendix or schedule is an annex here).
_STEMS = (("subparagraph", "subparagraph"), ("paragraph", "paragraph"), ("n.", "paragraph"), ("point", "paragraph"), ("sub-article", "paragraph"), ("al\u00ednea", "subparagraph"),
          ("alinea", "subparagraph"), ("clause", "clause"), ("article", "article"),
          ("chapter", "chapter"), ("section", "section"), ("part", "part"), ("title", "part"), ("annex", "annex"),
          ("appendi", "annex"), ("schedule", "annex"), ("attachment", "annex"), ("table", "table"))


def kind_of(word: str) -> str:
    word = word.lower()
    return next(kind for stem, kind in _STEMS if word.startswith(stem))
# numbers as treaties write them: "12.3", "9-A", "XXI", "B", and the words of "Parts Two to Four"
# ("Articles 3.\u00ba to 7.\u00ba": the ordinal sign of Portuguese and Spanish drafting follows the number)
_NUM = (r"(?:\d+(?:[.\-]\d+)*(?:[.\-]?[a-z](?:[.\-]\d+)*\b|\.?[\u00ba\u00aa\u00b0])?|[ivxlcdm]+(?:-[a-z](?:-\d+)?)?\b|[a-z]\b"
        r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\(\d{1,3}\))")  # "Articles (3) to (5)"
# A hyphen joins a number ("Annex 12-A"); a range is written "to", "through", an en dash or " - ".
_SEP = r"\s*(?:,\s*(?:and\s+|or\s+)?|\band\b|\bor\b|\bto\b|\bthrough\b|(?<=\s)-(?=\s)|–|—)\s*"
# "subparagraph (c) of paragraph 2": a subparagraph's letter in brackets ("subparagraph (c)" alone: any's)
_SUBNUM = r"\((?:[a-z]{1,2}|[ivx]{1,5})\)"
REFERENCE_RE = re.compile(
    r"\b(?P<kind>articles?|chapters?|sections?|parts?|titles?|annex(?:es)?|appendi(?:x|ces)|schedules?|attachments?|tables?"
    # "n.\u00ba 1" (n\u00famero) and "al\u00ednea b)": a paragraph and a subparagraph as Portuguese drafting cites them
    r"|subparagraphs?|paragraphs?|points?|sub-articles?|clauses?|n\.\s?[\u00ba\u00b0o]s?|al[\u00edi]neas?)\s+(?:nos?\.\s*)?(?P<nums>" + _NUM + r"(?:" + _SEP + _NUM + r")*"
    r"|" + _SUBNUM + r"(?:" + _SEP + _SUBNUM + r")*(?=\s+of\s+paragraph\b))"
    # "paragraph 2(c)": the subparagraph of that paragraph
    r"(?P<sub>" + _SUBNUM + r"(?:" + _SEP + _SUBNUM + r")*)?"
    r"(?:\s+of\s+(?P<outer>article|chapter|annex|schedule|appendix|part|paragraph)\s+(?P<outer_num>" + _NUM + r")"
    # "Part B of the First Schedule"
    r"|\s+of\s+the\s+(?P<outer_ord>" + "|".join(ORDINALS) + r")\s+(?:schedule|annex|appendix)\b)?", re.IGNORECASE)
# "the Second Schedule", an annex numbered by its ordinal; "the Schedules", all of them
_OF_DIVISION = re.compile(r"\b(?:parts?|sections?|paragraphs?|articles?|chapters?)\s+" + _NUM + r"\s+of\s+$", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"\bthe\s+(?:(?P<ord>" + "|".join(ORDINALS) + r")\s+(?P<kind>schedule|annex|appendix)\b"
                         r"|(?P<all>schedules|annexes|appendices)\b(?!\s+" + _NUM + "))", re.IGNORECASE)
# "\u00a7 4", "\u00a7\u00a7 4 to 6": a section sign cites the articles of a text numbered that way
SECTION_SIGN_RE = re.compile(r"\u00a7\u00a7?\s*(?P<nums>" + _NUM + r"(?:" + _SEP + _NUM + r")*)", re.IGNORECASE)
# In a decimal outline ("1. TERMS", "2.1 ..."), provisions cite each other by their bare numbers: "under 2.1",
# "the matters in 2 to 5", "the application of 2 and 4", "This 3 concerns". Only after the words that cite,
# and only where the words after them do not count something ("within 10 days", "of 3 members").
_BARE_NUM = r"\d{1,2}(?:\.\d{1,2}){0,2}"
BARE_RE = re.compile(
    r"(?:" + "|".join(rf"(?<=\b{w} )" for w in ("under", "in", "of", "see", "applying", "concerning", "this",
                                                 "by", "with", "to", "from", "and", "than")) + r")"
    r"(?P<nums>" + _BARE_NUM + r"(?:\s*(?:,\s*|\band\b|\bor\b|\bto\b|\bthrough\b)\s*" + _BARE_NUM + r")*)"
    r"(?!\d|\.\d|\s*%|[ \t]+(?!(?:are|is|shall|may|must|will|should|and|or|to|of|in|for|with|mutatis|does|do|"
    r"apply|applies|as|above|below|on|by|at|where|which|that|concerns?|sets?|governs?|provides?|has|have|be|not|nor|"
    r"but|if|unless|except)\b)[a-z])", re.IGNORECASE)
_RANGE_WORD = re.compile(r"^\s*(?:to|through|-|–|—)\s*$", re.IGNORECASE)
# The instrument itself: "this Agreement", "the present Convention", "this Supplementary Agreement"
THIS_INSTRUMENT = (r"\b(?:this|the present)\s+(?:joint\s+|supplementary\s+|additional\s+)?(?:agreement|memorandum|"
                   r"arrangement|framework|declaration|statement|instrument|document|understanding|communiqu\w*|"
                   r"charter|roadmap|partnership|protocol|treaty|accord|convention|mou|letter|exchange of letters)\b")
THIS_RE = re.compile(r"\b(?:this|the present)\s+(chapter|article|section|part|title|annex|appendix|schedule|paragraph)\b",
                     re.IGNORECASE)
_SOLE_RE = re.compile(r"\bthe\s+(appendix|annex|schedule|attachment)\b(?!\s+" + _NUM + ")", re.IGNORECASE)
PRECEDING_RE = re.compile(r"\bthe\s+(?:preceding|previous|foregoing)\s+(paragraphs?)\b|\bthe foregoing\b",
                           re.IGNORECASE)
_WHITESPACE_RUNS = re.compile(r"\s{2,}")
_TABLE_CAPTION = re.compile(r"^[ \t]*(?:TABLE|Table)[ \t]+(\w+(?:[.\-]\w+)*)\b", re.MULTILINE)


# The cue words each reference pattern starts with, scanned by the Checker's automaton with the rules'
# phrases (see ``Resolver.references``).
FAMILIES: dict[str, tuple[str, ...]] = {
    "reference": ("article*", "chapter*", "section*", "part", "title", "titles", "annex*", "appendi*", "schedule*", "attachment*", "table*",
                  "paragraph*", "subparagraph*", "point", "points", "sub-article*", "clause*", "n.\u00ba", "n.\u00bas", "al\u00ednea*", "alinea*"),
    "this": ("this", "the present"),
    "the": ("the appendix", "the annex", "the schedule", "the attachment", "the preceding", "the previous", "the foregoing",
            "the schedules", "the annexes", "the appendices", *(f"the {w}" for w in ORDINALS)),
}


# A footnote at the foot of a page: a rule line, then "2 Text of the note." (a number and a capital)
_FOOTNOTE = re.compile(r"^[ \t]*[-_\u2014]{5,}[ \t]*\n(?:[ \t]*\n)?[ \t]*(\d{1,2})[ \t]+(?=[A-Z])([^\n]+(?:\n(?![ \t]*\n)"
                       r"(?![ \t]*[-_\u2014]{5,})[^\n]+)*)", re.MULTILINE)


def _footnotes(text: str) -> list[tuple[int, int, int]]:
    """(start, end, marker) of each footnote whose marker, its number glued to the end of a word
    ("Technologies2", "measures)3"), stands somewhere before it."""
    found: list[tuple[int, int, int]] = []
    for m in _FOOTNOTE.finditer(text):
        number = m.group(1)
        markers = list(re.finditer(rf"(?<=[A-Za-z)])({number})(?![\d.])", text[:m.start()]))
        if markers:
            found.append((m.start(2), m.end(2), markers[-1].start(1)))
    return found


@attrs.frozen
class Target:
    """What a reference names: a unit, or a block of text (a table under its caption)."""

    label: str
    start: int
    end: int
    unit: Unit | None = None

    def fits(self, text: str, limit: int) -> bool:
        """Whether it is at most ``limit`` characters long, each run of whitespace counted once: the column
        padding of a plain-text table, which HTML and Akoma Ntoso collapse, makes it no longer."""
        size = self.end - self.start
        if size <= limit or size > 4 * limit:
            return size <= limit
        return size - sum(len(run) - 1 for run in _WHITESPACE_RUNS.findall(text, self.start, self.end)) <= limit


@attrs.frozen
class Reference:
    start: int  # the words of the reference in the text
    end: int
    targets: tuple[Target, ...]


@lru_cache(maxsize=1 << 14)  # the same few numbers recur in every document: "1", "2.1", "XXI"
def _key(number: str) -> tuple[tuple[int, str], ...]:
    """A sortable form of a number: "12.10" > "12.9"; "XXI" is 21; "9-A" is (9, "a")."""
    parts: list[tuple[int, str]] = []
    for piece in re.split(r"[.\-]", number.lower()):
        value = roman_value(piece.upper()) if len(piece) > 1 or piece in ("i", "v", "x") else None
        if value is None and len(piece) > 2:
            value = word_number(piece)
        if piece.isdigit():
            parts.append((int(piece), ""))
        elif value is not None:
            parts.append((value, ""))
        else:
            parts.append((0, piece))
    return tuple(parts)


class Resolver:
    """Resolves references in one document; units are indexed once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_kind: dict[str, list[Unit]] = {}
        self._keys: dict[int, tuple[tuple[int, str], ...]] = {}  # id(unit) -> the sortable form of its number
        self._by_key: dict[tuple[str, tuple[tuple[int, str], ...]], list[Unit]] = {}
        for unit in doc.units():
            self.by_kind.setdefault(unit.kind, []).append(unit)
            if unit.number:
                key = self._keys[id(unit)] = _key(unit.number)
                self._by_key.setdefault((unit.kind, key), []).append(unit)
        self._tables: list[Target] | None = None
        self._numbers: dict[tuple[bool, int, tuple[str | Any, ...]], tuple[Target, ...]] = {}  # see ``_resolved``
        self._footnotes: list[tuple[int, int, int]] | None = None
        # a memorandum's articles headed "Paragraph 4" or "Clause 4" (see ``_numbered``)
        # a decimal outline heads its articles "2. INCOMING ACQUISITIONS" and cites them by bare numbers
        self._outline = any(u.heading_span and doc.text[u.heading_span[0]:u.heading_span[0] + 1].isdigit()
                            for u in self.by_kind.get("article", []))
        self._named_articles = any(u.label.startswith(("Paragraph ", "Clause ")) for u in self.by_kind.get("article", []))

    def references(self, start: int, end: int, wanted: Callable[[re.Match[str]], bool] = lambda m: True,
                   candidates: Mapping[str, Sequence[int]] | None = None) -> Iterator[Reference]:
        """Every resolvable reference in ``doc.text[start:end]`` that ``wanted`` accepts (it is asked
        before resolving, which is the costly part). ``candidates`` (the starts of the ``FAMILIES`` cue
        words, from the Checker's one scan) spare a regex pass over the whole text."""
        for m in self._matches(REFERENCE_RE, "reference", start, end, candidates):
            targets = self._resolved(m) if wanted(m) else ()
            if targets:
                yield Reference(m.start(), m.end(), targets)
        if "\u00a7" in self.doc.text:  # rare enough to look for directly
            for m in SECTION_SIGN_RE.finditer(self.doc.text, start, end):
                targets = self._resolved(m) if wanted(m) else ()
                if targets:
                    yield Reference(m.start(), m.end(), targets)
        if self._outline:  # rare: looked for directly
            for m in BARE_RE.finditer(self.doc.text, start, end):
                targets = self._resolved(m) if wanted(m) else ()
                if targets:
                    yield Reference(m.start(), m.end(), targets)
        for m in self._matches(THIS_RE, "this", start, end, candidates):
            kind = kind_of(m.group(1))
            if self._named_articles and m.group(1)[0] in "PC" and kind in ("paragraph", "clause"):
                kind = "article"  # "this Paragraph" of a memorandum whose articles are its Paragraphs
            unit = self.enclosing(self.home(m.start()), kind) if wanted(m) else None
            if unit is not None:
                yield Reference(m.start(), m.end(), (self._target(unit),))
        for m in self._matches(_SOLE_RE, "the", start, end, candidates):
            found = self._sole(m.group(1)) if wanted(m) else None
            if found is not None:
                yield Reference(m.start(), m.end(), (self._target(found),))
        for m in self._matches(_ORDINAL_RE, "the", start, end, candidates):
            units = self._ordinal(m) if wanted(m) else []
            if units:
                yield Reference(m.start(), m.end(), tuple(self._target(u) for u in units))
        for m in self._matches(PRECEDING_RE, "the", start, end, candidates):
            found = self._preceding(m.start(), (m.group(1) or "paragraph").lower()) if wanted(m) else None
            if found is not None:
                yield Reference(m.start(), m.end(), (self._target(found),))

    def _resolved(self, m: re.Match[str]) -> tuple[Target, ...]:
        """``_numbered`` of a match, once per document: the links, the declarations and every span a
        ``cites`` asks about find the same references again."""
        key = (m.re is REFERENCE_RE, m.start(), m.groups())
        found = self._numbers.get(key)
        if found is None:
            found = self._numbers[key] = self._numbered(m, m.start())
        return found

    def _matches(self, regex: re.Pattern[str], family: str, start: int, end: int,
                 candidates: Mapping[str, Sequence[int]] | None) -> Iterator[re.Match[str]]:
        text = self.doc.text
        positions = candidates.get(family) if candidates is not None else None
        if positions is None:
            yield from regex.finditer(text, start, end)
            return
        for at in positions[bisect_left(positions, start):bisect_left(positions, end)]:
            m = regex.match(text, at, end)
            if m is not None:
                yield m

    def home(self, at: int) -> int:
        """Where text at ``at`` speaks from: a footnote printed at the foot of a page ("2 Chapter 29 shall not
        apply to this Article.") speaks from its marker ("Critical Technologies2"), not from the article
        the page break left it in."""
        if self._footnotes is None:
            self._footnotes = _footnotes(self.doc.text)
        for lo, hi, marker in self._footnotes:
            if lo <= at < hi:
                return marker
        return at

    def enclosing(self, at: int, kind: str) -> Unit | None:
        units = [u for u in self.doc.unit_path(at) if u.kind == kind]
        if units:
            return units[-1]
        return self.doc.root if kind == "document" else None

    def _target(self, unit: Unit) -> Target:
        return Target(unit.label or "the whole document", unit.start, unit.end, unit)

    def _numbered(self, m: re.Match[str], at: int) -> tuple[Target, ...]:
        kind = kind_of(m.group("kind")) if m.re is REFERENCE_RE else "article"  # "§§ 4 to 6" cites articles
        numbers = [n.strip("()").rstrip("\u00ba\u00aa\u00b0").rstrip(".") for n in re.split(_SEP, m.group("nums"))]
        separators = re.findall(_SEP, m.group("nums"))
        if kind == "table":
            return tuple(t for t in self.tables() if any(t.label.lower() == f"table {n.lower()}" for n in numbers))
        scope: list[Unit] | None = None
        if m.re is REFERENCE_RE and m.group("outer_ord"):  # "Part B of the First Schedule"
            scope = self._find("annex", [str(ORDINALS.index(m.group("outer_ord").lower()) + 1)], None)
        elif m.re is REFERENCE_RE and m.group("outer"):
            outer = kind_of(m.group("outer"))
            article = self.enclosing(at, "article") if outer == "paragraph" else None
            # "subparagraph (c) of paragraph 2": paragraph 2 of the article the reference stands in
            outer_num = m.group("outer_num").rstrip("\u00ba\u00aa\u00b0").rstrip(".")
            scope = self._find(outer, [outer_num], [article] if article is not None else None)
        elif kind in ("paragraph", "subparagraph"):
            article = self.enclosing(at, "article")
            scope = [article] if article is not None else None
        found: list[Unit] = []
        i = 0
        while i < len(numbers):
            if i < len(separators) and _RANGE_WORD.match(separators[i]):
                found += self._range(kind, numbers[i], numbers[i + 1], scope)
                i += 2
            else:
                found += self._find(kind, [numbers[i]], scope)
                i += 1
        capital = m.re is REFERENCE_RE and m.group("kind")[0] in "PC"
        if self._named_articles and (kind == "clause" or (kind == "paragraph" and scope is not None
                                     and (not found or capital))):
            # a memorandum's article "Paragraph 4" or "Clause 4", cited so ("Paragraphs 2 to 5", beside "7.1")
            word = kind.capitalize() + " "
            found = [u for u in self._articles_named(numbers, separators) if u.label.startswith(word)] or found
        if kind == "clause" and not found:  # "clauses 2 and 4" of a text whose numbered provisions are articles
            found = self._find("article", numbers, None)
        if kind == "part":
            found = self._worded(found, m.group("kind") if m.re is REFERENCE_RE else "part")
        if m.re is REFERENCE_RE and m.group("sub") and kind == "paragraph":
            found = self._subparagraphs(found, m.group("sub"))
        unique = {id(u): u for u in found}  # by identity: hashing a unit hashes its whole subtree
        return tuple(self._target(u) for u in self._nearest(list(unique.values()), at))

    @staticmethod
    def _subparagraphs(paragraphs: list[Unit], sub: str) -> list[Unit]:
        """ "paragraph 2(a) and (b)", "paragraph 1(a) to (d)": those subparagraphs of the paragraphs."""
        letters = [x.strip("()").lower() for x in re.split(_SEP, sub)]
        spans = [(_key(letters[0]), _key(letters[-1]))] if any(_RANGE_WORD.match(x) for x in re.findall(_SEP, sub)) \
            else [(_key(x), _key(x)) for x in letters]
        return [u for p in paragraphs for u in p.walk() if u.kind == "subparagraph" and u.number
                and any(lo <= _key(u.number.lower()) <= hi for lo, hi in spans)]

    @staticmethod
    def _worded(units: list[Unit], word: str) -> list[Unit]:
        """A draft with both Parts and Titles ("PART TWO ... TITLE I"): "Title I" means the Title, "Part I"
        the Part; a draft with only one of them means it by either word."""
        titled = word.lower().startswith("title")
        own = [u for u in units if u.label.startswith("Title ") == titled]
        return own or units

    def _articles_named(self, numbers: list[str], separators: list[str]) -> list[Unit]:
        found: list[Unit] = []
        i = 0
        while i < len(numbers):
            if i < len(separators) and _RANGE_WORD.match(separators[i]):
                found += self._range("article", numbers[i], numbers[i + 1], None)
                i += 2
            else:
                found += self._find("article", [numbers[i]], None)
                i += 1
        return found

    def _nearest(self, units: list[Unit], at: int) -> list[Unit]:
        """Where numbers repeat (articles numbered afresh in each chapter), a reference means the units of
        its own chapter; if none is there, it is ambiguous and names nothing."""
        numbers = [u.number for u in units]
        if len(set(numbers)) == len(numbers):
            return units
        chapter = self.enclosing(at, "chapter") or self.enclosing(at, "part")
        if chapter is None:
            return []
        return [u for u in units if chapter.start <= u.start < chapter.end]

    @staticmethod
    def _within(units: list[Unit], scope: list[Unit] | None) -> list[Unit]:
        """The units that lie inside one of the ``scope`` units (all of them when there is no scope)."""
        if scope is None:
            return units
        return [u for u in units if any(s.start <= u.start < s.end for s in scope)]

    def _candidates(self, kind: str, scope: list[Unit] | None) -> list[Unit]:
        return self._within([u for u in self.by_kind.get(kind, []) if u.number], scope)

    def _find(self, kind: str, numbers: list[str], scope: list[Unit] | None) -> list[Unit]:
        found = self._within([u for n in numbers for u in self._by_key.get((kind, _key(n)), [])], scope)
        if not found and kind == "article" and scope is None:  # "Article 9.3.2": paragraph 2 of Article 9.3
            for number in numbers:
                head, _, tail = number.rpartition(".")
                for article in self._find("article", [head], None) if head else []:
                    found += [u for u in article.walk() if u.kind == "paragraph" and u.number == tail]
        return found

    def _range(self, kind: str, first: str, last: str, scope: list[Unit] | None) -> list[Unit]:
        lo, hi = _key(first), _key(last)
        return [u for u in self._candidates(kind, scope)
                if len(self._keys[id(u)]) == len(lo) and lo <= self._keys[id(u)] <= hi]

    def _sole(self, word: str) -> Unit | None:
        """ "the Appendix": the one annex-like unit whose heading opens with that word."""
        word = word.lower()
        found = [u for u in self.by_kind.get("annex", [])
                 if u.heading_span and self.doc.text[u.heading_span[0]:u.heading_span[1]].lower().lstrip(" \t#*_")
                 .startswith(word)]  # "# APPENDIX" in Markdown is the .txt's "APPENDIX"
        return found[0] if len(found) == 1 else None

    def _ordinal(self, m: re.Match[str]) -> list[Unit]:
        """ "the Second Schedule": annex 2 (an ordinal heading numbers it so); "the Schedules": every annex whose
        heading opens with that word."""
        if m.group("ord"):
            if _OF_DIVISION.search(self.doc.text, max(0, m.start() - 40), m.start()):
                return []  # "Part B of the First Schedule" is the Part, read as one reference
            return self._find("annex", [str(ORDINALS.index(m.group("ord").lower()) + 1)], None)
        word = m.group("all").lower()[:5]  # "sched", "annex", "appen"
        text = self.doc.text
        return [u for u in self.by_kind.get("annex", []) if u.heading_span
                and word in text[u.heading_span[0]:u.heading_span[1]].split("\n", 1)[0].lower()]

    def _preceding(self, at: int, kind: str) -> Unit | None:
        kind = kind.rstrip("s")
        units = [u for u in self.by_kind.get(kind, []) if u.end <= at]
        return units[-1] if units else None

    def tables(self) -> list[Target]:
        """Table blocks: a "Table N" caption line and what follows it, up to the next caption or the next
        structural heading: pipe rows, numbered entries or a paragraph, as schedules are written."""
        if self._tables is None:
            text = self.doc.text
            captions = list(_TABLE_CAPTION.finditer(text))
            headings = sorted(u.start for u in self.doc.units() if u.kind in STRUCTURAL_KINDS and u.start > 0)
            found: list[Target] = []
            for i, m in enumerate(captions):
                end = captions[i + 1].start() if i + 1 < len(captions) else len(text)
                after = bisect_right(headings, m.start())
                if after < len(headings):
                    end = min(end, headings[after])
                end = len(text[:end].rstrip())
                found.append(Target(f"Table {m.group(1)}", m.start(), end))
            self._tables = found
        return self._tables
