"""One plain-text draft written out as the same draft in every input format, for the round-trip tests.

The .txt drafts are read as their author would have typed them into a word processor: the first block
is the title, a "CHAPTER 3" or "Article 3.1" line is a heading and the caption below it is that
heading's title, a numbered line opens a paragraph, and the other lines up to a blank line stay in the
paragraph above them as line breaks (so a draft damaged by extraction keeps its damage in every
format). Nothing here reads the project's own segmenter: the structure is taken from the wording alone.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import attrs

from esa_rules.numbering import LATIN, match_heading, match_marker, next_line_title, roman_value, word_number

# rank: a heading closes every open heading of the same or a lower rank; the levels the segmenter knows,
# with "TITLE I" of EU and civil-law agreements a division of a Part's rank, as it reads one
_LEVELS = (("part", 3, r"PART|Part|TITLE|Title"), ("chapter", 2, r"CHAPTER|Chapter"),
           ("annex", 2, r"ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule"),
           ("section", 1, r"SECTION|Section"),
           ("article", 0, r"ARTICLE|Article|ART\.|Art\.|\u00a7|PARAGRAPH|Paragraph|CLAUSE|Clause"))
_HEADING = re.compile(r"(?P<keyword>" + "|".join(p for _, _, p in _LEVELS) + r")[ \t]+(?P<number>\(\d{1,3}\)|[\w\[\]]+(?:[.\-][\w\[\]]+)*(?:[ \t](?i:bis|ter|quater)(?:\.\d+)?)?)[.:]?"
                      r"(?:(?:[ \t]*[:.\u2013\u2014-][ \t]*|[ \t]+)(?P<caption>\S.*))?$")
# An article number with its first sentence on the same line, after a stop, a colon or a dash ("Article 1.-
# This Decision is binding ...", as a decision of the Andean Community sets it, or "Art. 1 - The States
# Parties shall ..." in a decision of a customs union's council)
_INLINE = re.compile(r"(?P<head>(?P<keyword>ARTICLE|Article|ART\.|Art\.|PART|Part|TITLE|Title|\u00a7)[ \t]+\d+(?:\.\d+)*)"
                     r"(?:[.:]|\.?[ \t]*[\u2013\u2014-])?[ \t]+"
                     r"(?P<body>(?:\([0-9a-z]{1,3}\)[ \t]+)?[A-Z].*[.:;])$")
# an unnumbered annex with its title in capitals: "ANNEX ON COOPERATION PRIORITIES"
_TITLED_ANNEX = re.compile(r"(?P<keyword>ANNEX|APPENDIX|SCHEDULE)[ \t]+(?P<caption>(?:ON|OF|CONCERNING|TO)[ \t]+[A-Z][A-Z0-9 \t,.'-]*)")
_PREAMBLE = re.compile(r"PREAMBLE|Preamble")
_CONTENTS = re.compile(r"(?i:(?:table of )?contents):?")
# an annex without a number, or an instrument attached to the agreement by its kind alone ("AGREED MINUTES")
_BARE_ANNEX = re.compile(r"ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule|AGREED MINUTES?|FINAL ACT|RECORD OF (?:UNDERSTANDINGS?|"
                         r"DISCUSSIONS?)|AGREED (?:INTERPRETATIONS?|UNDERSTANDINGS?)|(?:JOINT )?INTERPRETATIVE (?:NOTE|DECLARATION|STATEMENT)S?")
# "means" only in lower case: a title may speak of "Investment Used as a Means of Pressure"
_SENTENCE = re.compile(r"\b(?i:shall|must|may|will|should|is|are|has|have|does|do|apply|applies)\b|\bmeans\b")
# a list marker: "1.", "1 \u2014", "(a)", "a)", "a. maintain" (a lettered point, as the segmenter reads one), a bullet
_POINT = r"[a-z]\.(?=[ \t]+[a-zA-Z\"\u201c])"
_MARKER = re.compile(r"(?:\d{1,3}(?:[.)]|[ \t]+[\u2013\u2014])|\((?:[a-zA-Z]{1,3}|\d{1,3}|[ivxlc]{1,6})\)|[a-z]\)|" + _POINT + r"|[-\u2013\u2022*])[ \t]")
_ENDS = (".", ":", ";", ",", "!", "?")
_COLUMNS = re.compile(r"\S[ \t]{4,}\S")
# "No." in a title set in capitals: "COMMITMENTS ... REFERRED TO IN LETTER No. MFT/2025/118"
_NUMBER_SIGN = re.compile(r"\bNos?\.")
_TERMINAL = (".", ";", ":", "!", "?", ")", "]", '"', "'", "\u201d", "\u2019")


@attrs.frozen
class Block:
    """A paragraph of the draft: ``role`` is title, heading (with ``level``), caption, contents or body."""

    role: str
    text: str  # "\n" inside marks a line break within the paragraph
    level: str = ""


def _level(keyword: str) -> tuple[str, int]:
    return next((kind, rank) for kind, rank, pattern in _LEVELS if re.fullmatch(pattern, keyword))


def heading_of(line: str) -> re.Match[str] | None:
    """A structural heading line ("Article 3.1: Scope", "CHAPTER 27"), not a sentence opening with one."""
    if (titled := _TITLED_ANNEX.fullmatch(line)) is not None:
        return titled
    match = _HEADING.match(line)
    caption = match["caption"] if match is not None else None
    capitals = bool(caption) and caption.isupper() and len(caption.split()) <= 10 \
        and re.match(r"[ \t]*[:.\u2013\u2014-]", line[match.end("number"):]) is not None  # "ANNEX A - WHOSE ... IS"
    if match is None or len(line) > 100 or line.endswith(_ENDS[1:]) or (_SENTENCE.search(line) and not capitals) or ";" in line:
        return None  # a sentence, or a list entry ("Part 1: goods - insulin; cells."), is no title
    bare = re.sub(r"(?i)\s?(?:" + LATIN + r")$", "", match["number"])
    if bare.isalpha() and len(bare) > 1 and word_number(bare) is None and roman_value(bare) is None:
        return None  # "Annex No. 4", "Chapter Civil Aviation": letters that are no numeral, as the segmenter reads them
    if match["caption"] and re.match(r"\([^)]*\)[ \t]*[a-z]", match["caption"]):
        return None  # "Article 14.7 (Review of Investments) of the Agreement reads:" cites, it heads nothing
    if match["caption"] and match["caption"][0].islower() and not re.match(r"[ \t]*[:.\u2013\u2014-]", line[match.end("number"):]):
        return None  # "Part A goods": a name for a list of goods, no heading (as the segmenter reads it)
    return match


def _contents(groups: list[list[str]]) -> set[tuple[int, int]]:
    """The lines of a table of contents, typed as plain lines: under a "CONTENTS" line that comes before
    any heading, every line up to the first heading the list has named already, where the body begins."""
    lines = [(g, n, line) for g, group in enumerate(groups) for n, line in enumerate(group)]
    cue = next((i for i, (_, _, line) in enumerate(lines) if _CONTENTS.fullmatch(line) or match_heading(line)), 0)
    seen: set[tuple[str, str | None]] = set()
    for i, (_, _, line) in enumerate(lines[cue + 1:] if lines and _CONTENTS.fullmatch(lines[cue][2]) else [], cue + 1):
        key = (read.kind, read.number) if (read := match_heading(line)) is not None else None
        if key in seen:
            return {(g, n) for g, n, _ in lines[cue:i]}
        seen |= {key} if key else set()
    return set()


def draft_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    groups = [[line.strip() for line in group.splitlines() if line.strip()]
              for group in re.split(r"\n[ \t]*\n", text.strip("\n"))]
    contents = _contents(groups)
    for g, lines in enumerate(groups):
        opened = len(blocks)  # blocks from this group (the lines between two blank lines) start here
        for n, line in enumerate(lines):  # spacing inside a line is kept: it is how columns are set
            previous = blocks[-1] if len(blocks) > opened else None
            # a heading opens a group or follows a finished sentence or a heading and its title; one set in columns
            # ("Chapter 15 - Trade      Page 1 of 6") is a running header, and "... except\nArticle 11.6]."
            # is a sentence broken before a reference
            after_sentence = previous is None or previous.role in ("heading", "caption") or previous.text.endswith(_TERMINAL)
            # "Appendix I-A: Control lists ... (to be attached on\nentry into force).": a sentence, no heading
            after_sentence = after_sentence and not (n + 1 < len(lines) and _sentence_goes_on(line, lines[n + 1])) \
                and (g, n) not in contents  # a table of contents lists headings in plain lines
            heading = heading_of(" ".join(line.split())) if after_sentence and not _COLUMNS.search(line) else None
            if heading is not None and previous is not None and previous.role == "heading" and previous.level == "article" \
                    and (heading.groupdict().get("keyword") or "annex").lower().startswith("annex") and _caption_under(previous.text, line):
                heading = None  # "Article 5\nAnnex B Goods": the article's title, as the segmenter reads it
            if heading is not None and _INLINE.match(line) and (read := match_heading(line)) is not None \
                    and read.body_start is not None and read.title_start is None:
                heading = None  # "Part 2: Quantum computers and components.": a numbered sentence, as it reads it
            inline = _INLINE.match(line) if after_sentence and heading is None else None
            listing = _heading_over_contents(line) if after_sentence and heading is None and not inline else None
            if listing and previous is not None and previous.role == "heading" and previous.level == "article" \
                    and _caption_under(previous.text, line):
                listing = None  # "Article 5\nAnnex B Goods": the article's title, as above
            if inline:  # "\u00a7 3. Each Party shall ...": the number heads the article, the sentence is its body
                head, body = inline["head"], inline["body"]
                read = match_heading(line)
                if read is not None and read.title_start is not None:
                    # a run-in title heads the article with its number, as the segmenter reads it: "Article
                    # 1.- Nature. This Protocol ..." is headed "Nature"; "Article 2.- For the purposes of
                    # this Decision:" is all heading, and its definitions below are its paragraphs
                    head, body = line[:read.title_end], line[read.body_start:] if read.body_start is not None else ""
                blocks.extend(Block(*b) for b in (("heading", head, _level(inline["keyword"])[0]), ("body", body, "")) if b[1])
            elif listing:
                blocks.extend(Block(*block) for block in (("heading", listing[1], listing[0]), ("body", listing[2])) if block[1])
            elif heading or (_PREAMBLE.fullmatch(line) and after_sentence):
                blocks.append(Block("heading", line, _level(heading["keyword"])[0] if heading else "part"))
            elif _BARE_ANNEX.fullmatch(line) and after_sentence:
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
            elif previous is not None and previous.role in ("body", "title") and not _MARKER.match(line):
                # lines between blank lines are one paragraph of a plain draft, unless numbered
                blocks[-1] = attrs.evolve(previous, text=f"{previous.text}\n{line}")
            else:
                blocks.append(Block("body", line))
    return blocks


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
    head = line[:read.title_end] if read.title_end is not None else line[:read.heading_end]
    # "Schedule: lithium, cobalt, ...": an unnumbered annex over its list is headed by its word alone, as
    # a bare "Schedule" line would be ("Schedule:" with nothing after it heads nothing)
    return read.kind, head.rstrip(" \t:") if read.number is None and read.title_start is None else head, line[read.body_start:]


# a line that carries on the line above: a small letter, or a joining word or verb ("AND SECURITY", "of the
# GATT"), as the segmenter reads one
_GOES_ON = re.compile(r"[ \t]*(?:[a-z]|(?i:is|are|shall|must|may|will|should|of|and|or|to|in|for|with|applies|apply)\b)")


def _goes_on(line: str) -> bool:
    return _GOES_ON.match(line) is not None and (line.lstrip()[:1].islower() or line.isupper())


def _title_goes_on(heading: str, line: str) -> bool:
    """A heading's title that wraps onto the next line, which is no sentence ("... semiconductor" over
    "manufacturing equipment", "[quantum computing components; advanced lithography" over "equipment;
    high-performance computing modules]"); "Chapter 22 (Dispute Settlement)" over "applies to it." is a
    sentence. Read as the segmenter reads it: the heading and the line joined are a heading with a title
    and no sentence after it."""
    read, joined = match_heading(heading), match_heading(f"{heading.rstrip()} {line.strip()}")
    return read is not None and read.title_start is not None and read.body_start is None and not heading.endswith(_TERMINAL) \
        and _goes_on(line) and joined is not None and joined.title_start is not None and joined.body_start is None


def _sentence_goes_on(line: str, below: str) -> bool:
    """A heading line whose next line carries it on into a sentence, so it heads nothing: "Appendix I-A:
    Control lists notified by the Parties (to be attached on" over "entry into force).", or "Article XXI"
    over "of the GATT is incorporated", as the segmenter reads them."""
    read = match_heading(line)
    return read is not None and read.body_start is None and _goes_on(below) and not _title_goes_on(line, below)


def _caption_under(heading: str, line: str) -> bool:
    """A short capitalised title line under a bare "Article 3" (not under "PREAMBLE")."""
    match = heading_of(" ".join(heading.split()))
    bare = _BARE_ANNEX.fullmatch(heading) is not None
    return (bare or (match is not None and not match["caption"])) and not _MARKER.match(line) \
        and not line.rstrip("\"'\u201d\u2019").endswith(_ENDS) and not _SENTENCE.search(line) \
        and (line[0].isupper() or line[0] in "\"'\u201c(") and next_line_title(line)  # as the segmenter reads it


# --- writers -----------------------------------------------------------------------------------------

# per level of heading (and the title): its Markdown mark, its HTML tag and its Word style
_STYLES = {"title": ("# ", "h1", "Title"), "part": ("# ", "h1", "Heading 1"), "chapter": ("# ", "h1", "Heading 1"),
           "annex": ("# ", "h1", "Heading 1"), "section": ("## ", "h2", "Heading 2"), "article": ("### ", "h2", "Heading 3")}


def markdown(blocks: Iterable[Block]) -> str:
    out = []
    for block in blocks:
        if block.role == "title":
            # a Markdown heading is one line: a title set over several is joined, unless the lines under
            # it are headings that an extraction tool ran into it (a running header), which stay below
            first, *rest = block.text.split("\n")
            glued = any(heading_of(" ".join(line.split())) for line in rest)
            out.append("# " + ("\n".join([first, *rest]) if glued else " ".join([first, *rest])))
        elif block.role == "heading":
            out.append(_STYLES[block.level][0] + block.text)
        else:
            out.append(block.text)
    return "\n\n".join(out) + "\n"


def html_page(blocks: Iterable[Block]) -> str:
    """A page with browser chrome around the draft: the reader must drop it."""
    body = []
    for block in blocks:
        tag = _STYLES[block.role if block.role == "title" else block.level][1] if block.role in ("title", "heading") \
            else "p"
        body.append(f"<{tag}>" + "<br>\n".join(html.escape(line) for line in block.text.split("\n")) + f"</{tag}>")
    chrome = '<nav><a href="/">Article 99 Home</a></nav><script>var a = "Each Party shall";</script>'
    return ("<!DOCTYPE html><html><head><title>Draft</title></head><body>" + chrome + "\n"
            + "\n".join(body) + "</body></html>")


def docx(blocks: Iterable[Block]) -> bytes:
    """Word headings for headings, the Title style for the title, body paragraphs for the rest; a line
    break inside a paragraph is a Word line break (python-docx turns "\\n" in a run into ``w:br``)."""
    import docx as python_docx

    document = python_docx.Document()
    for block in blocks:
        style = _STYLES[block.role if block.role == "title" else block.level][2] if block.role in ("title", "heading") \
            else None
        document.add_paragraph(block.text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# "1.", "1)", "1 \u2014", "(a)", "(iv)", "a)" (a point closed by its bracket only, as Central Asian drafts write them), "a."
_NUMBERED = re.compile(r"(?P<num>\d{1,3}(?:[.)]|[ \t]+[\u2013\u2014])|\((?:[a-zA-Z]{1,3}|\d{1,3})\)|[a-z]{1,3}\)|" + _POINT + r")[ \t]+(?P<rest>.*)", re.DOTALL)


def _point_level(points: list[tuple[str, int, str]], num: str) -> tuple[int, tuple[str, int]]:
    """Where a point goes among the open ones, as a drafter nests them: beside the innermost open point
    whose list it continues ("(c)" after "(b)", even after "(b)"'s own "(i)" and "(ii)"), or under the
    innermost one when it opens a list of another kind ("(i)" under "(b) The Subcommittee shall:"), else
    beside the innermost. Returns the number of open points it stays inside, and how it is read."""
    marker = match_marker(num)
    readings = marker.readings if marker is not None else ()
    for depth in range(len(points) - 1, -1, -1):
        system, value, _ = points[depth]
        if (system, value + 1) in readings:
            return depth, (system, value + 1)
    first = next((reading for reading in readings if reading[1] == 1), None)
    if first is not None and (not points or first[0] != points[-1][0]):
        return len(points), first
    return max(len(points) - 1, 0), readings[0] if readings else ("", 0)


def _restarts(points: list[tuple[str, int, str]], num: str) -> bool:
    """A number that opens a list of its own inside the open paragraph, as the segmenter nests it: "1."
    after paragraph "2." (a letter's points under an article), and the "2." (not "(2)") that goes on with it."""
    marker = match_marker(num)
    return marker is not None and (("arabic", 1) in marker.readings or any(
        (system, value + 1) in marker.readings and shape == marker.shape for system, value, shape in points))


def akn(blocks: list[Block]) -> bytes:
    """Akoma Ntoso: parts, chapters, sections and articles as elements with ``num`` and ``heading``,
    numbered paragraphs and points as ``paragraph``/``point``, the rest as ``p``; the title is the
    preface's ``docTitle``, a table of contents its ``toc``, and what comes before the first heading is the ``preamble``."""
    out: list[str] = []
    open_units: list[tuple[str, int]] = []  # (element, rank) of the open hierarchy
    paragraph_open = False
    points: list[tuple[str, int, str]] = []  # the open points, outermost first: (system, value) read, shape
    body_started = False
    preamble_open = False

    def close_points() -> None:
        nonlocal paragraph_open
        out.extend("</point>" for _ in points)
        points.clear()
        if paragraph_open:
            out.append("</paragraph>")
            paragraph_open = False

    def p(text: str) -> str:
        return "<p>" + "<eol/>".join(escape(line) for line in text.split("\n")) + "</p>"

    for block in blocks:
        if block.role == "title":
            toc = "".join(f'<tocItem href="#" level="1">{escape(b.text)}</tocItem>' for b in blocks if b.role == "contents")
            out.append(f"<preface>{p(block.text).replace('<p>', '<p><docTitle>').replace('</p>', '</docTitle></p>')}"
                       + (f"<toc>{toc}</toc>" if toc else "") + "</preface>")
            continue
        if block.role == "heading":
            # the block is a heading already: only its number and title are wanted, whatever its title
            # holds ("Annex 17-B: [quantum computing components; advanced lithography equipment]")
            match = _TITLED_ANNEX.fullmatch(block.text) or _HEADING.match(block.text)
            bare = _BARE_ANNEX.fullmatch(block.text) is not None
            if match is None and not bare:  # PREAMBLE: the text up to the first heading is the preamble anyway
                continue
            if preamble_open:
                out.append("</preamble>")
                preamble_open = False
            if not body_started:
                out.append("<body>")
                body_started = True
            close_points()
            kind, rank = _level(match["keyword"]) if match else ("annex", 2)
            while open_units and open_units[-1][1] <= rank:
                out.append(f"</{open_units.pop()[0]}>")
            open_units.append((kind, rank))
            caption = match["caption"] if match else None
            number = block.text[: match.start("caption")].rstrip(" :.\u2013\u2014-") if match and caption else block.text
            out.append(f"<{kind}><num>{escape(number)}</num>")
            if caption:
                out.append(f"<heading>{escape(caption)}</heading>")
            continue
        if block.role in ("caption", "contents"):  # the contents are the preface's <toc>, written with the title
            out.extend([f"<heading>{escape(block.text)}</heading>"] if block.role == "caption" else [])
            continue
        if not body_started:
            if not preamble_open:
                out.append("<preamble>")
                preamble_open = True
            out.append(p(block.text))
            continue
        numbered = _NUMBERED.match(block.text)
        if numbered and paragraph_open and (numbered["num"][0] in "(abcdefghijklmnopqrstuvwxyz" or _restarts(points, numbered["num"])):
            depth, reading = _point_level(points, numbered["num"])
            out.extend("</point>" for _ in points[depth:])  # the points this one follows on from, or the ones it ends
            del points[depth:]
            out.append(f"<point><num>{escape(numbered['num'])}</num><content>{p(numbered['rest'])}</content>")
            points.append((*reading, marker.shape if (marker := match_marker(numbered["num"])) else ""))
        elif numbered and numbered["num"][0].isdigit():  # "a)" under an unnumbered chapeau is left as text
            close_points()  # that the reader splits, as the .txt is split: a <paragraph> would make it paragraph a
            out.append(f"<paragraph><num>{escape(numbered['num'])}</num><content>{p(numbered['rest'])}</content>")
            paragraph_open = True
        else:
            out.append(p(block.text))
    if preamble_open:
        out.append("</preamble>")
    close_points()
    while open_units:
        out.append(f"</{open_units.pop()[0]}>")
    if body_started:
        out.append("</body>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><akomaNtoso xmlns="{AKN_NS}"><act name="draft">'
            '<meta><identification source="#test"/></meta>' + "".join(out) + "</act></akomaNtoso>").encode("utf-8")


def pdfs(docx_paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Every .docx printed to PDF by one LibreOffice run (starting LibreOffice is most of its cost)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        return {}
    subprocess.run([binary, f"-env:UserInstallation=file://{out_dir / 'lo-profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), *map(str, docx_paths)], check=True, capture_output=True, timeout=600)
    return {path: out_dir / (path.stem + ".pdf") for path in docx_paths if (out_dir / (path.stem + ".pdf")).exists()}
