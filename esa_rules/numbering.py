"""How treaties number things: structural headings ("CHAPTER XIV", "Article 14.3: Title") and list
markers ("1.", "(a)", "(iv)"). Pure functions over one line; the segmenter decides what they mean in
context.

A heading must be a line of its own, with a short title or none: "Article 5 shall not apply..." at the
start of a line is a cross-reference, not a heading.
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

_WORD_NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
# "the Second Schedule": an ordinal numbers an annex in Commonwealth drafting
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth")
_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)"
)
_ROMAN = r"(?:[IVXLC]{1,7}|[ivxlc]{1,7})"
# The Latin suffixes of inserted articles, longest first: "9bis", "9 ter", "9quater", "9quinquies"
_LATIN_WORDS = ("quinquies", "quater", "sexies", "septies", "octies", "nonies", "decies", "bis", "ter")
LATIN = "|".join(_LATIN_WORDS)
# "9.2", "22 bis", "9-A", "21A.1" (inserted into Chapter 21), an article of a lettered annex or an OCR'd
# digit: "B.1", "9.l"
_ARABIC = (r"(?:\d{1,4}(?:[.\-]\d{1,4}){0,3}(?:(?i:\s?(?:" + LATIN + r"))(?:\.\d{1,4})?\b|[.\-]?[A-Za-z](?:[.\-]\d{1,4}){0,2}\b)?"
           r"|[A-Z][.\-]\d{1,4}(?:[.\-]\d{1,4}){0,2}\b"
           r"|[LRD]\.[ \t]?\d{1,4}(?:-\d{1,4}){1,3}\b)")  # a French code's "L. 123-4" (legislative), "R. 123-5"
# "Chapter Twenty-Two bis": an inserted chapter keeps its neighbour's number with a Latin suffix
_INSERTED = r"(?:\s(?i:" + LATIN + r"))?"
# Negotiating texts number what is not yet numbered: "CHAPTER [X]", "Article X.4", "Article [3.2]"
_PLACEHOLDER = r"\[[0-9A-Za-z.\-]{1,8}\]|[XN](?:\.\d{1,4}){1,3}"
# Gulf and other Arabic-language drafting numbers in brackets: "Article (1)", "SCHEDULE (1)"
_BRACKETED = r"\(\d{1,3}\)"
_NUMBER = {
    "part": rf"{_BRACKETED}|{_ARABIC}|{_ROMAN}\b|{_WORD_NUMBER}\b|[A-Z]\b",
    "chapter": rf"{_BRACKETED}|{_PLACEHOLDER}|{_ARABIC}|{_ROMAN}\b{_INSERTED}|{_WORD_NUMBER}\b{_INSERTED}",
    "section": rf"{_BRACKETED}|{_ARABIC}|{_ROMAN}\b|[A-Z]\b",
    # "Article premier" and its translation "Article first" open French-style texts
    "article": rf"{_BRACKETED}|{_PLACEHOLDER}|{_ARABIC}|{_ROMAN}\b{_INSERTED}|{_WORD_NUMBER}\b{_INSERTED}|first\b|premier\b",
    # "Annex 11-A", and its appendices numbered on from it: "Appendix 11-A-1", "Appendix A-1"; "ANNEX X-A"
    # (an annex to a Chapter X not yet numbered) and "Annex I-B" are one number too, not "Annex X" titled "A"
    "annex": rf"{_BRACKETED}|\d{{1,4}}(?:[.\-]\d{{1,4}})*(?:-?[A-Z](?:-\d{{1,4}})*\b)?"
             rf"|{_ROMAN}(?:-[A-Z](?:-\d{{1,4}})*)?\b|[A-Z](?:-\d{{1,4}})*\b",
}
_KEYWORDS = {
    # EU and civil-law agreements divide into "TITLE I ... TITLE V": a division of the rank of a Part
    "part": "PART|Part|TITLE|Title",
    "chapter": "CHAPTER|Chapter",
    "section": "SECTION|Section",
    # "\u00a7 4 Export controls": a section sign numbers articles; a memorandum or an exchange of letters
    # numbers its articles as "Paragraph 4" or "Clause 4"
    "article": r"ARTICLE|Article|ART\.|Art\.|\u00a7|PARAGRAPH|Paragraph|CLAUSE|Clause",
    "annex": "ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule|ATTACHMENT|Attachment",
}
_HEADING = re.compile(
    "|".join(
        # "Annex No. 4": the number after "No." in Russian and Central Asian drafting
        rf"(?P<{kind}>(?:{kw})[ \t]+(?:No\.[ \t]*)?(?P<{kind}_num>(?i:{_NUMBER[kind]})))" for kind, kw in _KEYWORDS.items()
    )
    + r"|(?P<bare_annex>ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule|ATTACHMENT|Attachment)(?=[ \t]*$)"
    # an unnumbered annex whose content follows on its line: "Schedule: lithium, cobalt, nickel."
    + r"|(?P<inline_annex>ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule)[ \t]*:[ \t]+(?=\S)|(?P<preamble>PREAMBLE|Preamble)(?=[ \t:.]*$)"
    # an unnumbered annex with its title, set in capitals: "ANNEX ON COOPERATION PRIORITIES", "SCHEDULE TO
    # CHAPTER 14"
    + r"|(?P<titled_annex>ANNEX|APPENDIX|SCHEDULE)(?=[ \t]+(?:ON|OF|CONCERNING|RELATING TO|ON THE|TO)[ \t]+[A-Z])"
    # an annex numbered by an ordinal before its kind, alone on its line, as Commonwealth drafting sets it:
    # "FIRST SCHEDULE", "The Second Schedule"
    + r"|(?P<ordinal_annex>(?:THE[ \t]+|The[ \t]+)?(?P<ordinal_word>" + "|".join(
        f"{w.upper()}|{w.capitalize()}" for w in ORDINALS) + r")[ \t]+(?:SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|"
      r"Appendix))(?=[ \t.]*$)"
    # an instrument attached to the agreement, by its kind alone on its line: "AGREED MINUTES", "FINAL ACT"
    + r"|(?P<instrument_annex>AGREED MINUTES?|RECORD OF (?:UNDERSTANDINGS?|DISCUSSIONS?)|FINAL ACT|AGREED "
      r"(?:INTERPRETATIONS?|UNDERSTANDINGS?)|(?:JOINT )?INTERPRETATIVE (?:NOTE|DECLARATION|STATEMENT)S?)(?=[ \t]*$)"
)
# An OCR'd small l for the digit 1 opening a number that is digits otherwise, or a part of it after a dot or
# bracket ("Article l1.3", "CHAPTER [l7]", "Article 20.l6"), as ``repair`` reads one in the text: "Article L1"
# (a French code's), "Article li", "Article 9.l", "Annex A-l0" and "Part l10n" are left as they are
_NUMBER_AFTER_KEYWORD = re.compile(r"(?:" + "|".join(_KEYWORDS.values()) + r")[ \t]+(\S+)")
_OCR_ONE = re.compile(r"(?<![\w\-/])l(?=\d+(?!\w))")
# The ordinal sign Portuguese, Spanish and Italian drafting sets after a number: "Article 1.\u00ba", "Artigo 2\u00ba",
# "Cl\u00e1usula 1.\u00aa", "Art\u00edculo 3\u00b0" are Articles 1, 2 and 3 and Clause 1; the sign is read as part of the heading
_ORDINAL_SIGN = re.compile(r"\.?[\u00ba\u00aa\u00b0](?!\w)")
_DECORATION = re.compile(r"[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?")
_SEPARATORS = " \t:.-\u2013\u2014*_"
# Words that make a line a sentence, not a title.
_SENTENCE_WORD = re.compile(
    r"\b(?:shall|must|may|will|should|is|are|was|were|has|have|does|do|agree|agrees|undertake|undertakes"
    r"|apply|applies)\b",
    re.IGNORECASE,  # "ARTICLE 9.2 SHALL APPLY ..." in a typeset draft is a sentence too
)
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with its their under between".split())
_TITLE_THEN_SENTENCE = re.compile(r"(.{1,120}?)[.:][ \t]+(?=[A-Z(\"'\u201c])")
_LIST_MARKER = re.compile(
    r"[ \t]*(?:"
    # 2.1  2.1.3  (a decimal outline numbers each paragraph with its article's number; text opens after it)
    r"(?P<dec>\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=[ \t]+[A-Z\"\u201c(\[])"
    r"|(?P<num>\d{1,3})(?P<num_shape>[.)])(?=[ \t]|$|\.?\u2014\()"  # 1.  1)  and the United Kingdom's 1.—(1)
    r"|\((?P<paren>[a-zA-Z]{1,2}|[ivxlcIVXLC]{1,7}|\d{1,3})\)(?=[ \t]|$)"  # (a) (iv) (A) (1)
    r"|(?P<close>[a-z]|[ivx]{1,6})\)(?=[ \t]|$)"  # a)  iv)
    r"|(?P<letter>[a-z])\.(?=[ \t]+[a-zA-Z\"\u201c])"  # a. maintain  (a lettered point, as Indonesian and Vietnamese drafting set it)
    r"|(?P<bare>\d{1,3})[ \t]*$"  # 1 alone on its line, text below
    r"|(?P<dash>\d{1,3})[ \t]+[\u2013\u2014](?=[ \t])"  # 1 \u2014 text: Portuguese drafting numbers its paragraphs so
    r")"
)
# A marker line that merely continues a sentence cut by a line break ("...in paragraph\n(a) shall").
CROSS_REFERENCE_END = re.compile(
    r"(?i:\b(?:paragraphs?|subparagraphs?|articles?|annex(?:es)?|sections?|chapters?|points?|items?|clauses?"
    r"|parts?|to|of|in|under|see)[ \t]*)$"
)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def word_number(word: str) -> int | None:
    word = word.lower().replace("-", " ")
    if word in ("first", "premier"):
        return 1
    if word in _WORD_NUMBERS:
        return _WORD_NUMBERS[word]
    parts = word.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _WORD_NUMBERS and _WORD_NUMBERS[parts[1]] < 10:
        return _TENS[parts[0]] + _WORD_NUMBERS[parts[1]]
    return _TENS.get(word)


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed lowercase or uppercase roman numeral, else None ("il", "vv")."""
    total, previous = 0, 0
    for char in reversed(numeral.lower()):
        value = _ROMAN_VALUES.get(char)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if total > 0 and to_roman(total) == numeral.lower() else None


def to_roman(value: int) -> str:
    out = []
    for number, text in (
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while value >= number:
            out.append(text)
            value -= number
    return "".join(out)


def canonical_number(kind: str, raw: str) -> str:
    """How a negotiator would cite the number: words as digits ("Fourteen" -> "14"), roman numerals in
    capitals, everything else as written."""
    raw = raw.strip().rstrip(".")
    head, _, suffix = raw.rpartition(" ")
    if head and suffix.lower() in _LATIN_WORDS:
        return f"{canonical_number(kind, head)} {suffix.lower()}"
    value = word_number(raw)
    if value is not None:
        return str(value)
    if kind != "section" and roman_value(raw) is not None and not raw.isdigit():
        return raw.upper()
    return raw


def title_like(text: str) -> bool:
    """A short title rather than a sentence."""
    text = text.strip().strip("*_").strip()
    if not text:
        return True
    if len(text) > 150 or text[-1] in ",;" or _SENTENCE_WORD.search(text):
        return False
    words = text.split()
    return len(words) <= 20 and not (text.endswith(".") and len(words) > 5)


_TABLE_CAPTION = re.compile(r"(?:TABLE|Table)(?:[ \t]+[\w.\-]+)?$")


def next_line_title(text: str) -> bool:
    """A line under a bare "Article 5" that is its title: short, capitalised, not numbered."""
    text = text.strip().strip("*_#").strip()
    if text[:1] == "(" and text[-1:] == ")" and text.count("(") == 1:
        text = text[1:-1]  # "(Object)" under "Article 1.\u00ba": the epigraph, as Portuguese or Spanish drafting sets it
    if not text or not title_like(text) or text.endswith((":", ".")) or _LIST_MARKER.match(text):
        return False
    if _TABLE_CAPTION.match(text):
        return False  # "Table" or "Table 2" under "SCHEDULE" captions the table, it does not title the schedule
    if not (text[0].isupper() or text[0] in "\"'\u201c"):
        return False
    words = [w for w in text.split() if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 5 or capitalised * 2 >= len(words)


@attrs.frozen
class Heading:
    """A structural heading found on one line. Offsets are relative to the line start."""

    kind: str  # part | chapter | section | article | annex | preamble
    number: str | None
    title_start: int | None  # where a title on the same line begins
    title_end: int | None
    body_start: int | None  # where body text on the same line begins ("Article 5 Each Party shall...")
    heading_end: int  # end of the number (and title) on the line
    word: str = ""  # the draft's own word for a unit numbered otherwise: "Paragraph", "Clause", a Part's "Title"


# Words that carry a sentence on after a cited number, whatever its case: a title never starts with them.
_RUNNING_ON = re.compile(r"(?i:of|shall|is|are|does|do|may|must|will|should|applies|apply|has|have)\b")


def match_heading(line: str) -> Heading | None:
    """The heading this line is, if it is one (it may still be rejected in context by the caller)."""
    lead = _DECORATION.match(line)
    start = lead.end() if lead else 0
    cited = _NUMBER_AFTER_KEYWORD.match(line, start)
    if cited is not None and "l" in cited[1]:
        # read as its clean text would be: one character for one, so every offset stays the line's own
        line = line[:cited.start(1)] + _OCR_ONE.sub("1", cited[1]) + line[cited.end(1):]
    match = _HEADING.match(line, start)
    if match is None:
        return None
    kind = match.lastgroup or ""
    if kind == "preamble":
        return Heading("preamble", None, None, None, None, len(line.rstrip()))
    if kind == "bare_annex":
        return Heading("annex", None, None, None, None, len(line.rstrip()))
    if kind == "ordinal_annex":
        number = str(ORDINALS.index(match["ordinal_word"].lower()) + 1)
        return Heading("annex", number, None, None, None, len(line.rstrip()))
    if kind == "instrument_annex":
        return Heading("annex", None, start, match.end(), None, match.end())
    if kind == "inline_annex":
        return Heading("annex", None, None, None, match.end(), match.end())
    if kind == "titled_annex":
        rest = line[match.end():]
        caption = rest.strip()
        if not caption.isupper() or not title_like(caption) or _SENTENCE_WORD.search(caption):
            return None
        offset = match.end() + len(rest) - len(rest.lstrip())
        return Heading("annex", None, offset, offset + len(caption), None, offset + len(caption))
    raw = match[f"{kind}_num"]
    if raw.startswith("("):
        raw = raw[1:-1]  # "Article (1)" is Article 1
    bare = re.sub(r"(?i)\s?(?:" + LATIN + r")$", "", raw)
    if (not bare[0].isdigit() and bare[0] != "[" and not {".", "-"} & set(bare) and word_number(bare) is None
            and roman_value(bare) is None and len(bare) > 1):
        return None  # "Chapter Civil Aviation": letters that are no numeral
    number = canonical_number(kind, raw)
    keyword = match[kind].split()[0].rstrip(".").capitalize()
    word = keyword if keyword in ("Paragraph", "Clause", "Title") else ""
    end = match.end()
    ordinal = _ORDINAL_SIGN.match(line, end)
    end = ordinal.end() if ordinal is not None else end
    rest = line[end:]
    if rest and rest[0] not in _SEPARATORS:
        return None  # "Article 5of" or "Section Annex": not a number followed by a title
    stripped = rest.lstrip(_SEPARATORS)
    if not stripped.strip():
        # the stop or colon after a bare number is the heading's own ("Art. 1.", "Article 5:"), no text of
        # the article: left to the body it would read as a paragraph of its own
        return Heading(kind, number, None, None, None, len(line.rstrip()), word=word)
    offset = len(line) - len(stripped)
    separator = rest[: len(rest) - len(stripped)].strip()
    if (stripped[0].islower() or _RUNNING_ON.match(stripped)) \
            and not separator.startswith((":", "-", "\u2013", "\u2014")):
        return None  # "Article 5 shall not apply", "Article XXI of GATT 1994", "ARTICLE XXI OF THE GATT"
    if stripped[0] == "(":
        close = stripped.find(")")
        after = stripped[close + 1:].lstrip() if close > 0 else ""
        if after[:1].islower():
            # "Chapter 26 (Dispute Settlement) shall not apply to this Chapter.", and "Article 14.7 (Review
            # of Investments) of the Agreement reads:" in a letter that quotes the provision it cites
            return None
    if stripped[0] in "0123456789(" and _LIST_MARKER.match(stripped):
        return Heading(kind, number, None, None, offset, end, word=word)  # "ARTICLE 3.- 1. The ...": its paragraph 1
    if title_like(stripped) or (separator and stripped.rstrip().isupper() and len(stripped.split()) <= 10
                                and not stripped.rstrip().endswith((".", ";", ","))):
        # a caption set in capitals after a dash or colon is a title even with a verb in it:
        # "ANNEX A - PRODUCTS WHOSE SUPPLY IS ESSENTIAL"
        title_end = offset + len(stripped.rstrip().rstrip("*_").rstrip())
        return Heading(kind, number, offset, title_end, None, title_end, word=word)
    title = _TITLE_THEN_SENTENCE.match(stripped)
    if title and title_like(title[1]) and stripped[0].isupper():
        return Heading(
            kind, number, offset, offset + len(title[1]), offset + title.end(), offset + len(title[1]), word=word
        )
    if stripped[0].isupper() or stripped[0] in "(\"'\u201c":
        return Heading(kind, number, None, None, offset, end, word=word)
    return None


@attrs.frozen
class Marker:
    """A list marker at the start of a line: its candidate readings as (system, value) pairs."""

    start: int  # offset of the marker in the line
    end: int
    shape: str  # "dot", "close", "paren", "bare", "dash", "decimal"
    text: str  # as cited: "1", "a", "iv"; the last number of a decimal "2.1.3"
    readings: tuple[tuple[str, int], ...]
    places: int = 0  # how many numbers a decimal marker puts before its own: 2 in "2.1.3"


def match_marker(line: str) -> Marker | None:
    match = _LIST_MARKER.match(line)
    if match is None:
        return None
    if match["dec"]:
        depth = match["dec"].count(".")
        token = match["dec"].rpartition(".")[2]
        return Marker(len(line) - len(line.lstrip(" \t")), match.end(), "decimal", token, (("decimal", int(token)),),
                      depth)
    if match["num"]:
        token, shape = match["num"], "dot" if match["num_shape"] == "." else "close"
    elif match["paren"]:
        token, shape = match["paren"], "paren"
    elif match["close"]:
        token, shape = match["close"], "close"
    elif match["letter"]:
        token, shape = match["letter"], "dot"
    elif match["dash"]:
        token, shape = match["dash"], "dash"
    else:
        token, shape = match["bare"], "bare"
    start = len(line) - len(line.lstrip(" \t"))
    return Marker(start, match.end(), shape, token, _readings(token))


@lru_cache(maxsize=4096)  # a few hundred distinct tokens ("1", "a", "iv") cover every list of a corpus
def _readings(token: str) -> tuple[tuple[str, int], ...]:
    if token.isdigit():
        return (("arabic", int(token)),)
    readings: list[tuple[str, int]] = []
    case = "upper" if token.isupper() else "lower"
    if len(token) == 1:
        readings.append((f"{case}-alpha", ord(token.lower()) - 96))
    elif len(token) == 2 and token[0] == token[1]:
        readings.append((f"{case}-alpha", ord(token[0].lower()) - 96 + 26))  # "aa" follows "z"
    roman = roman_value(token) if set(token.lower()) <= set("ivxlc") else None
    if roman is not None and (len(token) > 1 or token.lower() in "ivx"):
        readings.append((f"{case}-roman", roman))
    return tuple(readings)
