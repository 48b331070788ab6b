"""One plain-text draft written out as the same draft in every input format, for the round-trip tests.

The .txt drafts are read as their author would have typed them into a word processor: the first block
is the title, a "CHAPTER 3", "Article 3.1" or "FIRST SCHEDULE" line is a heading and the caption below it
is that heading's title (under a schedule's heading, after the note "(Section 2)" that brings it in), a
decimal outline's "2. INCOMING ACQUISITIONS" heads an article, a numbered line ("1.", "2.1", "(a)") opens
a paragraph, and the other lines up to a blank line stay in the paragraph above them as line breaks (so a
draft damaged by extraction keeps its damage in every format). Nothing here reads the project's own
segmenter: the structure is taken from the wording alone. The writers for each format are in
``formatwriters`` (Akoma Ntoso's in ``formatakn``).
"""

from __future__ import annotations

import re
from itertools import pairwise

import attrs

from esa_rules.numbering import (
    CROSS_REFERENCE_END,
    LATIN,
    ORDINALS,
    match_heading,
    next_line_title,
    roman_value,
    title_like,
    word_number,
)

# rank: a heading closes every open heading of the same or a lower rank; the levels the segmenter knows,
# with "TITLE I" of EU and civil-law agreements a division of a Part's rank, as it reads one
_LEVELS = (("part", 3, r"PART|Part|TITLE|Title"), ("chapter", 2, r"CHAPTER|Chapter"),
           ("annex", 2, r"ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule|ATTACHMENT|Attachment"),
           ("section", 1, r"SECTION|Section"),
           ("article", 0, r"ARTICLE|Article|ART\.|Art\.|\u00a7|PARAGRAPH|Paragraph|CLAUSE|Clause"))
# "Annex No. 4": the number after "No.", as Russian and Central Asian drafting sets it
HEADING = re.compile(r"(?P<keyword>" + "|".join(p for _, _, p in _LEVELS) + r")[ \t]+(?:No\.[ \t]*)?(?P<number>\(\d{1,3}\)|[\w\[\]]+(?:[.\-][\w\[\]]+)*(?:[ \t](?i:bis|ter|quater)(?:\.\d+)?)?)[.:]?"
                      r"(?:(?:[ \t]*[:.\u2013\u2014-][ \t]*|[ \t]+)(?P<caption>\S.*))?$")
# An article number with its first sentence on the same line, after a stop, a colon or a dash ("Article 1.-
# This Decision is binding ...", as a decision of the Andean Community sets it, or "Art. 1 - The States
# Parties shall ..." in a decision of a customs union's council)
_INLINE = re.compile(r"(?P<head>(?P<keyword>ARTICLE|Article|ART\.|Art\.|PART|Part|TITLE|Title|\u00a7)[ \t]+\d+(?:\.\d+)*)"
                     r"(?:[.:]|\.?[ \t]*[\u2013\u2014-])?[ \t]+"
                     r"(?P<body>(?:\([0-9a-z]{1,3}\)[ \t]+)?[A-Z].*[.:;])$")
# an unnumbered annex with its title in capitals: "ANNEX ON COOPERATION PRIORITIES"
TITLED_ANNEX = re.compile(r"(?P<keyword>ANNEX|APPENDIX|SCHEDULE)[ \t]+(?P<caption>(?:ON|OF|CONCERNING|TO)[ \t]+[A-Z][A-Z0-9 \t,.'-]*)")
# an annex numbered by an ordinal before its kind, as Commonwealth drafting sets it: "FIRST SCHEDULE" (annex 1)
ORDINAL_ANNEX = re.compile(r"(?:THE[ \t]+|The[ \t]+)?(?:" + "|".join(f"{w.upper()}|{w.capitalize()}" for w in ORDINALS)
                            + r")[ \t]+(?P<keyword>SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix)\.?(?P<caption>(?!))?")
# under a schedule's heading, the provision that brings it in: "(Section 2)", "[Sections 4 and 7]", "Section 2"
_ENABLING = re.compile(r"[(\[]?(?:Sections?|Articles?|Regulations?|Paragraphs?)[ \t]+[\w.]+(?:(?:,[ \t]*|[ \t]+and"
                       r"[ \t]+)[\w.]+)*[)\]]?")
# "2. INCOMING ACQUISITIONS": a numbered caption alone on its line, as a decimal outline heads its provisions
_OUTLINE = re.compile(r"(\d{1,2})\.[ \t]+([A-Z].{0,80}?)")
_PREAMBLE = re.compile(r"PREAMBLE|Preamble")
_CONTENTS = re.compile(r"(?i:(?:table of )?contents|arrangement of (?:provisions|sections|articles|clauses|paragraphs)):?")
# an annex without a number, or an instrument attached to the agreement by its kind alone ("AGREED MINUTES")
BARE_ANNEX = re.compile(r"ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule|ATTACHMENT|Attachment|AGREED MINUTES?|FINAL ACT|RECORD OF (?:UNDERSTANDINGS?|"
                         r"DISCUSSIONS?)|AGREED (?:INTERPRETATIONS?|UNDERSTANDINGS?)|(?:JOINT )?INTERPRETATIVE (?:NOTE|DECLARATION|STATEMENT)S?")
# "means" only in lower case: a title may speak of "Investment Used as a Means of Pressure"
_SENTENCE = re.compile(r"\b(?i:shall|must|may|will|should|is|are|has|have|does|do|apply|applies)\b|\bmeans\b")
# a list marker: "1.", "2.1", "1 \u2014", "(a)", "a)", "a. maintain" (a lettered point, as the segmenter reads one), a
# bullet; "2.1" and "2.1.1" number the paragraphs of a decimal outline, with a capital or a quote after them
POINT = r"[a-z]\.(?=[ \t]+[a-zA-Z\"\u201c])"
DECIMAL = r"\d{1,3}(?:\.\d{1,3}){1,3}\.?(?=[ \t]+[A-Z\"\u201c(\[])"
_MARKER = re.compile(r"(?:" + DECIMAL + r"|\d{1,3}(?:[.)]|[ \t]+[\u2013\u2014])|\((?:[a-zA-Z]{1,3}|\d{1,3}|[ivxlc]{1,6})\)|[a-z]\)|" + POINT + r"|[-\u2013\u2022*])[ \t]")
_ENDS = (".", ":", ";", ",", "!", "?")
_COLUMNS = re.compile(r"\S[ \t]{4,}\S")
# "No." in a title set in capitals: "COMMITMENTS ... REFERRED TO IN LETTER No. MFT/2025/118"
_NUMBER_SIGN = re.compile(r"\bNos?\.")
# the first letters of the lines the segmenter may read as headings (its "#*_" are Markdown's, which no .txt has)
_OPENS_HEADING = frozenset("ACEFNPST\u00a7")
_TERMINAL = (".", ";", ":", "!", "?", ")", "]", '"', "'", "\u201d", "\u2019")


@attrs.frozen
class Block:
    """A paragraph of the draft: ``role`` is title, heading (with ``level``), caption, note (under an annex's
    heading, the provision that brings it in), contents or body."""

    role: str
    text: str  # "\n" inside marks a line break within the paragraph
    level: str = ""


def heading_level(keyword: str) -> tuple[str, int]:
    return next((kind, rank) for kind, rank, pattern in _LEVELS if re.fullmatch(pattern, keyword))


def heading_of(line: str) -> re.Match[str] | None:
    """A structural heading line ("Article 3.1: Scope", "CHAPTER 27"), not a sentence opening with one."""
    if (titled := TITLED_ANNEX.fullmatch(line) or ORDINAL_ANNEX.fullmatch(line)) is not None:
        return titled
    match = HEADING.match(line)
    caption = match["caption"] if match is not None else None
    capitals = bool(caption) and caption.isupper() and len(caption.split()) <= 10 \
        and re.match(r"[ \t]*[:.\u2013\u2014-]", line[match.end("number"):]) is not None  # "ANNEX A - WHOSE ... IS"
    if match is None or len(line) > 100 or line.endswith(_ENDS[1:]) or (_SENTENCE.search(line) and not capitals) \
            or (";" in line and not _titled_article(line)):
        return None  # a sentence, or a list entry ("Part 1: goods - insulin; cells."), is no title
    bare = re.sub(r"(?i)\s?(?:" + LATIN + r")$", "", match["number"])
    if bare.isalpha() and len(bare) > 1 and word_number(bare) is None and roman_value(bare) is None:
        return None  # "Chapter Civil Aviation": letters that are no numeral, as the segmenter reads them
    if match["caption"] and re.match(r"\([^)]*\)[ \t]*[a-z]", match["caption"]):
        return None  # "Article 14.7 (Review of Investments) of the Agreement reads:" cites, it heads nothing
    if match["caption"] and match["caption"][0].islower() and not re.match(r"[ \t]*[:.\u2013\u2014-]", line[match.end("number"):]):
        return None  # "Part A goods": a name for a list of goods, no heading (as the segmenter reads it)
    if match["caption"] and match["caption"][0].islower() and match_heading(line) is None:
        return None  # "Part B: critical minerals: lithium, ...": an entry of the annex's list, as the segmenter reads it
    return match


def _titled_article(line: str) -> bool:
    """An article numbered and titled on its line, the title with a semicolon in it ("\u00a7 3 Common control list;
    notification of new controls"), as the segmenter reads it: a heading, not an entry of a list."""
    read = match_heading(line)
    return read is not None and read.kind == "article" and read.number is not None and read.title_start is not None \
        and read.body_start is None and not line.endswith(".")


def _contents(groups: list[list[str]]) -> set[tuple[int, int]]:
    """The lines of a table of contents, typed as plain lines: under a "CONTENTS" line that comes before
    any heading, every line up to the first heading the list has named already, where the body begins."""
    lines = [(g, n, line) for g, group in enumerate(groups) for n, line in enumerate(group)]
    cue = next((i for i, (_, _, line) in enumerate(lines) if _CONTENTS.fullmatch(line) or match_heading(line)), 0)
    seen: set[tuple[str, str | None, str | None]] = set()
    last = cue
    annex = None  # a Part is keyed with its Schedule ("SCHEDULE 2 ... Part 1" is no repeat), as the segmenter keys it
    for i, (_, _, line) in enumerate(lines[cue + 1:] if lines and _CONTENTS.fullmatch(lines[cue][2]) else [], cue + 1):
        read = match_heading(line)
        annex = read.number if read is not None and read.kind == "annex" else annex
        key = (read.kind, read.number, annex if read.kind == "part" else None) if read is not None else None
        if key in seen:  # the list ends with the last heading it names, as the segmenter's preamble does
            return {(g, n) for g, n, _ in lines[cue:last + 1]}
        seen |= {key} if key else set()
        last = i if key else last
    return set()


def _outline(groups: list[list[str]]) -> set[tuple[int, int]]:
    """The captions of a decimal outline ("1. TERMS" over "1.1 In this Treaty: ..."), as the segmenter reads
    one: each opens its lines after a blank line, alone on its line, short, in capitals or titled, numbered
    1, 2, 3 ... in order, at least three of them."""
    found: list[tuple[int, int]] = []
    for g, lines in enumerate(groups):
        match = _OUTLINE.fullmatch(lines[0]) if lines else None
        caption = match[2].rstrip("*_ \t") if match else ""
        if match and int(match[1]) == len(found) + 1 and caption[-1:] not in ".;:," and len(caption.split()) <= 10 \
                and (caption.isupper() or title_like(caption)):
            found.append((g, 0))
    return set(found) if len(found) >= 3 else set()


# "3. (1) Neither Party ...": a Commonwealth section's number, under its marginal note "Scheduled goods."
_SECTION = re.compile(r"(\d{1,3})\.(?:[ \t]+|\u2014|-(?=\())\S")  # "3. (1)", and the United Kingdom's "3.—(1)"


def _captions(groups: list[list[str]]) -> set[tuple[int, int]]:
    """The marginal notes of Commonwealth sections ("Scheduled goods." over "3. (1) Neither Party ..."), as
    the segmenter reads them: each opens its lines after a blank line, short, in capitals or titled, right
    over its section's number, numbered 1, 2, 3 ... in order, at least three of them. Each heads its section."""
    found: list[tuple[int, int]] = []
    for g, lines in enumerate(groups):
        number = _SECTION.match(lines[1]) if len(lines) > 1 else None
        caption = lines[0].rstrip(".")
        # once three are read so, a longer note goes on the run (as the segmenter reads it)
        short = caption if len(found) < 3 else " ".join(caption.split()[:10])
        if number and number[1] == "1" and len(found) == 1:
            found = []  # the first "1." stood in a list of contents, as the segmenter reads it
        if number and int(number[1]) == len(found) + 1 and re.fullmatch(r"[A-Z].{1,80}", lines[0]) \
                and short[-1:] not in ";:," and len(short.split()) <= 10 and (short.isupper() or title_like(short)):
            found.append((g, 0))
    return set(found) if len(found) >= 3 else set()


# a line number printed in the margin of a negotiating text: "  63   Article 14.7: Semiconductors", "  62"
_MARGIN_NUMBER = re.compile(r"[ \t]*(\d{1,5})(?:[ \t]{2,}(?=\S)|[ \t]*$)")


def _typed(text: str) -> str:
    """The draft as its author typed it: without the line numbers a word processor prints in the margin (Word's
    line numbering, a layout setting no export carries as text) and a PDF extraction ran into every line, blank
    lines too. Told apart from numbered paragraphs as a margin is: at least 20 numbered lines, counting up by
    one (or from 1 again on a new page), blank ones among them, nearly every line from the first number to the
    last numbered (a page's header and footer aside)."""
    lines = text.split("\n")
    found = [(i, m) for i, line in enumerate(lines) if (m := _MARGIN_NUMBER.match(line)) is not None]
    numbers = [int(m[1]) for _, m in found]
    if len(found) < 20 or any(b not in (a + 1, 1) for a, b in pairwise(numbers)) \
            or len(found) < 0.8 * (found[-1][0] - found[0][0] + 1) \
            or not any(m.end() == len(lines[i]) for i, m in found):
        return text
    for i, m in found:
        lines[i] = lines[i][m.end():]
    return "\n".join(lines)


def draft_blocks(text: str) -> list[Block]:
    groups = [[line.strip() for line in group.splitlines() if line.strip()]
              for group in re.split(r"\n[ \t]*\n", _typed(text).strip("\n"))]
    blocks = _blocks(groups, set())
    if not any(b.role == "heading" and b.level in ("section", "article") for b in blocks) \
            and (outline := _outline(groups) or _captions(groups)) and _through_divisions(groups, outline):
        # a draft with no "Article" heading, numbered as a decimal outline or in sections under marginal notes
        # (in every Part, if it has Parts): its captions head articles
        blocks = _blocks(groups, outline)
    return blocks


def _through_divisions(groups: list[list[str]], outline: set[tuple[int, int]]) -> bool:
    """Whether captions stand in every Part or Chapter before any annex, as the segmenter requires."""
    levels = [(g, heading_level(m.groupdict().get("keyword") or "ANNEX")[0]) for g, lines in enumerate(groups)
              if lines and (m := heading_of(lines[0])) is not None]
    annex = min((g for g, level in levels if level == "annex"), default=len(groups))
    annex = next((g for g, lines in enumerate(groups[:annex])  # a bare "ANNEX" or "FIRST SCHEDULE" line too
                  if lines and re.match(r"(?:[A-Z]+ )?(?:ANNEX|Annex|SCHEDULE|Schedule|APPENDIX|Appendix)\b", lines[0])
                  and len(lines[0].split()) <= 6), annex)
    starts = [g for g, level in levels if level in ("part", "chapter") and g < annex]
    return all(any(s < g < e for g, _ in outline) for s, e in zip(starts, [*starts[1:], annex][:len(starts)], strict=True))


def _blocks(groups: list[list[str]], outline: set[tuple[int, int]]) -> list[Block]:
    blocks: list[Block] = []
    contents = _contents(groups)
    for g, lines in enumerate(groups):
        opened = len(blocks)  # blocks from this group (the lines between two blank lines) start here
        for n, line in enumerate(lines):  # spacing inside a line is kept: it is how columns are set
            previous = blocks[-1] if len(blocks) > opened else None
            if (g, n) in outline:  # "2. INCOMING ACQUISITIONS" heads Article 2 of a decimal outline
                blocks.append(Block("heading", line, "article"))
                continue
            if _noted(blocks, previous, line):  # "FIRST SCHEDULE" over "(Section 2)": a note, then the title
                blocks.append(Block("note", line, "annex"))
                continue
            if previous is not None and previous.role == "note" and _caption_under(blocks[-2].text, line) \
                    and match_heading(line) is None:  # the schedule's title, on the line under its note
                blocks.append(Block("caption", line, "annex"))
                continue
            # a heading opens a group or follows a finished sentence or a heading and its title; one set in columns
            # ("Chapter 15 - Trade      Page 1 of 6") is a running header, and "... except\nArticle 11.6]."
            # is a sentence broken before a reference
            after_sentence = previous is None or previous.role in ("heading", "caption", "note") \
                or previous.text.endswith(_TERMINAL)
            # "Appendix I-A: Control lists ... (to be attached on\nentry into force).": a sentence, no heading
            after_sentence = after_sentence and not (n + 1 < len(lines) and _sentence_goes_on(line, lines[n + 1])) \
                and (g, n) not in contents  # a table of contents lists headings in plain lines
            # the letters the segmenter opens a heading with: "JOINT INTERPRETATIVE DECLARATION" is a paragraph
            after_sentence = after_sentence and line[:1] in _OPENS_HEADING
            heading = heading_of(" ".join(line.split())) if after_sentence and not _COLUMNS.search(line) else None
            if heading is not None and _titled_by_annex(previous, line) \
                    and heading_level(heading.groupdict().get("keyword") or "ANNEX")[0] == "annex":
                heading = None  # "Article 5\nAnnex B Goods": the article's title, as the segmenter reads it
            if heading is not None and _INLINE.match(line) and (read := match_heading(line)) is not None \
                    and read.body_start is not None and read.title_start is None:
                heading = None  # "Part 2: Quantum computers and components.": a numbered sentence, as it reads it
            inline = _INLINE.match(line) if after_sentence and heading is None else None
            listing = _heading_over_contents(line) if after_sentence and heading is None and not inline else None
            if listing and listing[0] == "annex" and _titled_by_annex(previous, line):
                listing = None  # "Article 5\nAnnex B Goods", "CHAPTER 9\nSCHEDULE 3 ITEMS": a title, as above
            if inline:  # "\u00a7 3. Each Party shall ...": the number heads the article, the sentence is its body
                head, body = inline["head"], inline["body"]
                read = match_heading(line)
                if read is not None and read.title_start is not None:
                    # a run-in title heads the article with its number, as the segmenter reads it: "Article
                    # 1.- Nature. This Protocol ..." is headed "Nature"; "Article 2.- For the purposes of
                    # this Decision:" is all heading, and its definitions below are its paragraphs
                    head, body = line[:read.title_end], line[read.body_start:] if read.body_start is not None else ""
                blocks.extend(Block(*b) for b in (("heading", head, heading_level(inline["keyword"])[0]), ("body", body, "")) if b[1])
            elif listing:
                blocks.extend(Block(*block) for block in (("heading", listing[1], listing[0]), ("body", listing[2])) if block[1])
            elif heading or (_PREAMBLE.fullmatch(line) and after_sentence):
                blocks.append(Block("heading", line, heading_level(heading["keyword"])[0] if heading else "part"))
            elif BARE_ANNEX.fullmatch(line) and after_sentence:
                blocks.append(Block("heading", line, "annex"))
            elif not blocks:
                blocks.append(Block("title", line))
            elif previous is not None and previous.role == "heading" and _title_goes_on(previous.text, line):
                # "Part 4: Electronics, including ... semiconductor\n  manufacturing equipment": one title
                blocks[-1] = attrs.evolve(previous, text=f"{previous.text} {line}")
            elif previous is not None and previous.role == "heading" and _caption_under(previous.text, line):
                blocks.append(Block("caption", line, previous.level))
            elif previous is None and blocks and blocks[-1].role == "heading" \
                    and blocks[-1].level in ("annex", "chapter", "part") \
                    and (len(lines) == 1 or _caption_under(blocks[-1].text, line)) \
                    and next_line_title(line) and _NUMBER_SIGN.sub("", line).isupper():
                # the title one blank line below "ANNEX II" or "CHAPTER 17", as the segmenter reads it
                blocks.append(Block("caption", line, blocks[-1].level))
            elif (g, n) in contents:  # typed as plain lines, one entry a line, or as AKN's <toc>
                blocks.append(Block("contents", line))
            elif previous is not None and previous.role in ("body", "title") and (not _MARKER.match(line)
                                                                     or _runs_on(lines[n - 1], line)):
                # lines between blank lines are one paragraph of a plain draft, unless numbered
                blocks[-1] = attrs.evolve(previous, text=f"{previous.text}\n{line}")
            else:
                blocks.append(Block("body", line))
    return blocks


def _titled_by_annex(previous: Block | None, line: str) -> bool:
    """An annex's heading line that is the title of the untitled heading right above it, as the segmenter reads
    it: "Article 5" over "Annex B Goods", "CHAPTER 9" over "SCHEDULE 3 ITEMS" (no annex starts right under a
    heading that has no title yet), on the line right under it."""
    return previous is not None and previous.role == "heading" and previous.level != "annex" \
        and _caption_under(previous.text, line)


def _runs_on(above: str, line: str) -> bool:
    """A numbered line that goes on with the line above, as the segmenter reads the two: a number after "under
    Article" goes on with the reference ("29.14 (Suspension of Concessions) shall ..."), and a decimal point
    under its paragraph's caption ("12.3 Suspension" over "12.3.1 If the Party ...") goes on with the
    caption's sentence, which has no end (the Akoma Ntoso writer still numbers it apart)."""
    return CROSS_REFERENCE_END.search(above) is not None or (re.match(DECIMAL, line) is not None
                                                             and not above.endswith(_TERMINAL))


def _noted(blocks: list[Block], previous: Block | None, line: str) -> bool:
    """A note under an annex's heading that cites the provision bringing the annex in: "FIRST SCHEDULE" over
    "(Section 2)", "SCHEDULE 1" over "(Article 3)", on the next line or one blank line below it, as the
    segmenter reads it (a heading with its title on its line has no such note)."""
    heading = blocks[-1] if blocks else None
    if heading is None or heading.role != "heading" or heading.level != "annex" or not _ENABLING.fullmatch(line):
        return False
    read = match_heading(" ".join(heading.text.split()))
    return (previous is heading or previous is None) and read is not None and read.title_start is None \
        and read.body_start is None


def _heading_over_contents(line: str) -> tuple[str, str, str] | None:
    """A part or annex whose line goes on into what it contains, split as the segmenter splits it: "Part A -
    Nuclear-related items; items for missile propulsion." (Part A, cited as "Part A of the Annex", over its
    list), "Annex 5-A  Listed Minerals: lithium ores; ...", "Appendix B: Categories of emerging technology:
    (i) quantum sensing; ..." (Appendix B titled "Categories of emerging technology" over its list)."""
    read = match_heading(line)
    if read is None or read.kind not in ("part", "annex") or _COLUMNS.search(line) \
            or (read.body_start is None and read.title_start is None):
        return None
    if read.body_start is None:  # "Part A - Nuclear items; missile items.": short enough to be its title
        return read.kind, line, ""
    if read.number is None and read.title_start is None and line[read.body_start:][:1].isupper():
        # "ANNEX: TEXT OF THE AGREEMENT", "Appendix: Listed items": the segmenter reads the words after the colon
        # as no title; set apart under a bare heading they would read as its title, so the line stays whole
        return read.kind, line, ""
    head = line[:read.title_end] if read.title_end is not None else line[:read.heading_end]
    # "Schedule: lithium, cobalt, ...": an unnumbered annex over its list is headed by its word alone, as
    # a bare "Schedule" line would be ("Schedule:" with nothing after it heads nothing)
    return read.kind, head.rstrip(" \t:") if read.number is None and read.title_start is None else head, line[read.body_start:]


# a line that carries on the line above: a small letter, or a joining word or verb ("AND SECURITY", "of the
# GATT"), as the segmenter reads one
_GOES_ON = re.compile(r"[ \t]*(?:[a-z]|(?i:is|are|shall|must|may|will|should|of|and|or|to|in|for|with|applies|apply)\b)")


def goes_on(line: str) -> bool:
    return _GOES_ON.match(line) is not None and (line.lstrip()[:1].islower() or line.isupper())


def _title_goes_on(heading: str, line: str) -> bool:
    """A heading's title that wraps onto the next line, which is no sentence ("... semiconductor" over
    "manufacturing equipment", "[quantum computing components; advanced lithography" over "equipment;
    high-performance computing modules]"); "Chapter 22 (Dispute Settlement)" over "applies to it." is a
    sentence. Read as the segmenter reads it: the heading and the line joined are a heading with a title
    and no sentence after it."""
    read, joined = match_heading(heading), match_heading(f"{heading.rstrip()} {line.strip()}")
    return read is not None and read.title_start is not None and read.body_start is None and not heading.endswith(_TERMINAL) \
        and goes_on(line) and joined is not None and joined.title_start is not None and joined.body_start is None


# "Annex No. 4" over "to the Agreement on ...": the line under an annex's number says what it is annexed to, and
# the annex's heading does not run on into it (as the segmenter reads it)
_ANNEXED_TO = re.compile(r"[ \t]*to (?:the|this) (?:[A-Z]\w* )*(?:Agreement|Treaty|Protocol|Convention|Decision)\b")


def _sentence_goes_on(line: str, below: str) -> bool:
    """A heading line whose next line carries it on into a sentence, so it heads nothing: "Appendix I-A:
    Control lists notified by the Parties (to be attached on" over "entry into force).", or "Article XXI"
    over "of the GATT is incorporated", as the segmenter reads them."""
    read = match_heading(line)
    return read is not None and read.body_start is None and goes_on(below) and not _title_goes_on(line, below) \
        and not (read.kind == "annex" and _ANNEXED_TO.match(below))  # "Annex No. 4" over "to the Agreement on ..."


def _caption_under(heading: str, line: str) -> bool:
    """A short capitalised title line under a bare "Article 3" (not under "PREAMBLE")."""
    match = heading_of(" ".join(heading.split()))
    bare = BARE_ANNEX.fullmatch(heading) is not None
    return (bare or (match is not None and not match["caption"])) and not _MARKER.match(line) \
        and not line.rstrip("\"'\u201d\u2019").endswith(_ENDS) and not _SENTENCE.search(line) \
        and (line[0].isupper() or line[0] in "\"'\u201c(") and next_line_title(line)  # as the segmenter reads it
