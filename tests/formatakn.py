"""The blocks of a plain draft (``formatgen.draft_blocks``) written out as Akoma Ntoso: each heading as its
``part``, ``chapter``, ``section``, ``article`` or ``annex`` with ``num`` and ``heading``, each numbered paragraph
and point as its ``paragraph`` or ``point`` with its ``num``. The other formats are in ``formatwriters``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from xml.sax.saxutils import escape

import attrs
from formatgen import (
    BARE_ANNEX,
    DECIMAL,
    HEADING,
    ORDINAL_ANNEX,
    POINT,
    TITLED_ANNEX,
    Block,
    goes_on,
    heading_level,
    heading_of,
)

from esa_rules.numbering import CROSS_REFERENCE_END, match_heading, match_marker
from esa_rules.segment import division_readings

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# "2.1", "2.1.1", "1.", "1)", "1 \u2014", "(a)", "(iv)", "a)" (a point closed by its bracket only, as Central Asian drafts write them), "a."
_NUMBERED = re.compile(r"(?P<num>" + DECIMAL + r"|\d{1,3}(?:[.)]|[ \t]+[\u2013\u2014])|\((?:[a-zA-Z]{1,3}|\d{1,3})\)|[a-z]{1,3}\)|" + POINT + r")[ \t]+(?P<rest>.*)", re.DOTALL)


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


def _opens(line: str) -> bool:
    """A point that can open a list of its own under a paragraph, as the segmenter reads one: "(a)", "(i)",
    "(1)", not "(2)" under "2. (1) Each Party shall ..." (the "(1)" runs in, so "(2)" is the paragraph's text)."""
    marker = match_marker(line)
    return marker is not None and any(value == 1 for _, value in marker.readings)


def _restarts(points: list[tuple[str, int, str]], num: str) -> bool:
    """A number that opens a list of its own inside the open paragraph, as the segmenter nests it: "1."
    after paragraph "2." (a letter's points under an article), and the "2." (not "(2)") that goes on with it."""
    marker = match_marker(num)
    return marker is not None and (("arabic", 1) in marker.readings or any(
        (system, value + 1) in marker.readings and shape == marker.shape for system, value, shape in points))


@attrs.define
class _Open:
    """A division open in the Akoma Ntoso being written, and the number of the last Part written in it."""

    kind: str
    rank: int
    number: str | None = None
    last_part: str | None = None


def _divides_annex(open_units: list[_Open], top: _Open, number: str | None) -> bool:
    """Whether a Part heading divides the annex that is open ("FIRST SCHEDULE ... Part A ... Part B"), as a
    drafter sets it, rather than going on with the Parts of the body ("PART IV ... ANNEX ... PART V")."""
    annexes = [i for i, unit in enumerate(open_units) if unit.kind == "annex"]
    if not annexes:
        return False
    below = open_units[annexes[0] - 1] if annexes[0] else top
    body = below.number if below.kind == "part" else below.last_part
    return body is None or not {(style, value - 1) for style, value in division_readings(number)} & division_readings(body)


# "2. INCOMING ACQUISITIONS": an article of a decimal outline, its number and its caption
_OUTLINE_HEADING = re.compile(r"(?P<number>\d{1,2}\.)[ \t]+(?P<caption>.+)")


def _sections(blocks: list[Block]) -> Iterator[Block]:
    """The blocks, with a Commonwealth section's marginal note ("Scheduled goods.") and the number that opens
    its section below it ("3. (1) Neither Party ...") set as the article's heading, "3. Scheduled goods", over
    the section's text, as AKN numbers and titles an article."""
    def section(note: Block | None, block: Block | None) -> re.Match[str] | None:
        return re.fullmatch(r"(\d{1,3}\.)[ \t]+(\S.*)", block.text, re.DOTALL) if note is not None and block is not None \
            and note.role == "heading" and note.level == "article" and heading_of(note.text) is None \
            and not _OUTLINE_HEADING.fullmatch(note.text) and block.role == "body" else None

    for n, block in enumerate(blocks):
        if (opened := section(blocks[n - 1] if n else None, block)) is not None:
            yield Block("heading", f"{opened[1]} {blocks[n - 1].text.rstrip('.')}", "article")
            yield Block("body", opened[2])
        elif section(block, blocks[n + 1] if n + 1 < len(blocks) else None) is None:
            yield block  # a note goes with its section's number


def _numbered_apart(blocks: list[Block]) -> Iterator[Block]:
    """The blocks, with a paragraph's line that opens with a decimal number ("12.3 Suspension" over "12.3.1 If
    the Party ...", kept as one paragraph in the other formats) set apart, to be numbered as its own point;
    not one after "under Article", where the number is cited ("29.14 (Suspension of Concessions) shall").
    A heading or paragraph that the segmenter reads as a number over text ("Annex 2  Critical minerals: ...",
    "Article 7A  Foreign investment reviews. [Inserted ...] (i) ...") is set as the number and its text."""
    untitled = False  # under a heading that the segmenter reads as untitled, over its text
    for block in blocks:
        lines = block.text.split("\n")
        if untitled and block.role == "caption":  # "EXCHANGE OF LETTERS" below it is text, not its title
            yield Block("body", block.text)
            continue
        read = match_heading(block.text) if block.role == "heading" else None
        untitled = read is not None and read.title_start is None and read.body_start is not None
        if untitled and read is not None and read.body_start is not None:
            # "ANNEX: TEXT OF THE AGREEMENT", "Annex 2  Critical minerals: cobalt, ...", one heading line in the
            # other formats: an annex with no title over what follows its number, which AKN sets as its first text
            yield attrs.evolve(block, text=block.text[:read.heading_end].rstrip(" \t:"))
            yield Block("body", block.text[read.body_start:])
            continue
        read = match_heading(lines[0]) if block.role == "body" else None
        if read is not None and read.kind == "article" and read.number and read.body_start is not None:
            # "Article 7A  Foreign investment reviews. [Inserted by ...] (i) ...", "ARTICLE 3o. PRIOR
            # COMMUNICATION OF MEASURES. A Party ...": the segmenter reads an article, untitled or titled, over
            # its first sentence, which AKN sets as the article and its text
            yield Block("heading", lines[0][:read.title_end if read.title_end is not None else read.heading_end], "article")
            block = attrs.evolve(block, text=block.text[read.body_start:])
            lines = block.text.split("\n")
        if block.role != "body" or len(lines) == 1:
            yield block
            continue
        piece = [lines[0]]
        for above, line in pairwise(lines):
            if re.match(DECIMAL, line) and not CROSS_REFERENCE_END.search(above):
                yield attrs.evolve(block, text="\n".join(piece))
                piece = []
            piece.append(line)
        yield attrs.evolve(block, text="\n".join(piece))


# what ends a line the segmenter may read a heading below: "... non-members." over "Section 2. Structure. ..."
_ENDED = tuple(".;:!?)]\"'\u201d\u2019")


def _run_in_sections(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks, with a paragraph's line that the segmenter reads as a numbered section over its first
    sentence ("Section 1. Purposes. The purposes of the Secretariat are:", "Section 3. Foreign Pressure. - The
    Parties will consult ...") set as that section's heading over its text, as AKN marks a section: a word
    processor keeps the line in its paragraph, and the other formats' readers find the section in the text.
    It opens a paragraph, or follows a line that ends a sentence; one that runs into the next line ("Section
    3" over "of the Act applies") is text."""
    for block in blocks:
        if block.role != "body":
            yield block
            continue
        lines, piece = block.text.split("\n"), []
        for n, line in enumerate(lines):
            read = match_heading(line) if not piece or piece[-1].rstrip().endswith(_ENDED) else None
            if read is None or read.kind != "section" or read.number is None or (
                    read.body_start is None and n + 1 < len(lines) and goes_on(lines[n + 1])):
                piece.append(line)
                continue
            if piece:
                yield attrs.evolve(block, text="\n".join(piece))
            yield Block("heading", line[:read.title_end if read.title_end is not None else read.heading_end], "run-in section")
            piece = [line[read.body_start:]] if read.body_start is not None else []
        if piece:
            yield attrs.evolve(block, text="\n".join(piece))


def akn(blocks: list[Block]) -> bytes:
    """Akoma Ntoso: parts, chapters, sections and articles as elements with ``num`` and ``heading``, a note
    under a schedule's heading as its ``subheading``, numbered paragraphs and points (decimal ones too:
    "2.1", "2.1.1") as ``paragraph``/``point``, the rest as ``p``; the title is the preface's ``docTitle``,
    a table of contents its ``toc``, and what comes before the first heading is the ``preamble``."""
    out: list[str] = []
    top = _Open("document", 99)
    open_units: list[_Open] = []  # the open hierarchy, outermost first
    paragraph_open = False
    points: list[tuple[str, int, str]] = []  # the open points, outermost first: (system, value) read, shape
    decimal_base: int | None = None  # of a decimal list: how many numbers its paragraphs' markers put first
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

    for block in _run_in_sections(_numbered_apart(list(_sections(blocks)))):
        if block.role == "title":
            toc = "".join(f'<tocItem href="#" level="1">{escape(b.text)}</tocItem>' for b in blocks if b.role == "contents")
            out.append(f"<preface>{p(block.text).replace('<p>', '<p><docTitle>').replace('</p>', '</docTitle></p>')}"
                       + (f"<toc>{toc}</toc>" if toc else "") + "</preface>")
            continue
        if block.role == "heading":
            # the block is a heading already: only its number and title are wanted, whatever its title
            # holds ("Annex 17-B: [quantum computing components; advanced lithography equipment]")
            match = (_OUTLINE_HEADING.fullmatch(block.text) if block.level == "article" else None) \
                or TITLED_ANNEX.fullmatch(block.text) or ORDINAL_ANNEX.fullmatch(block.text) or HEADING.match(block.text)
            bare = BARE_ANNEX.fullmatch(block.text) is not None
            if match is None and not bare:  # PREAMBLE: the text up to the first heading is the preamble anyway
                continue
            if preamble_open:
                out.append("</preamble>")
                preamble_open = False
            if not body_started:
                out.append("<body>")
                body_started = True
            close_points()
            decimal_base = None
            if match is None:
                kind, rank = "annex", 2
            else:  # a decimal outline's caption heads an article
                kind, rank = ("article", 0) if match.re is _OUTLINE_HEADING else heading_level(match["keyword"])
            if block.level == "run-in section" and open_units and open_units[-1].rank <= 0:
                rank = -1  # "Section 1. Purposes. ..." in an article's text divides that article
            read = match_heading(" ".join(block.text.split()))
            number = read.number if read is not None else None
            if kind == "annex" and any(unit.kind == "annex" for unit in open_units):
                while open_units[-1].kind != "annex":  # the Parts of the annex before it
                    out.append(f"</{open_units.pop().kind}>")
            nested = kind == "part" and _divides_annex(open_units, top, number)
            while open_units and open_units[-1].rank <= rank and not (nested and open_units[-1].kind == "annex"):
                out.append(f"</{open_units.pop().kind}>")
            if kind == "part":
                (open_units[-1] if open_units else top).last_part = number
            open_units.append(_Open(kind, rank, number))
            caption = match["caption"] if match else None
            number_text = block.text[: match.start("caption")].rstrip(" :.\u2013\u2014-") if match and caption else block.text
            if match is not None and match.re is _OUTLINE_HEADING:
                number_text = match["number"]  # "2." heads Article 2 of a decimal outline
            out.append(f"<{kind}><num>{escape(number_text)}</num>")
            if caption:
                out.append(f"<heading>{escape(caption)}</heading>")
            continue
        if block.role == "note":  # "(Section 2)" under "FIRST SCHEDULE"
            out.append(f"<subheading>{escape(block.text)}</subheading>")
            continue
        if block.role in ("caption", "contents"):  # the contents are the preface's <toc>, written with the title
            if block.role == "caption":  # a heading goes before a subheading
                out.insert(len(out) - out[-1].startswith("<subheading>"), f"<heading>{escape(block.text)}</heading>")
            continue
        if not body_started:
            if not preamble_open:
                out.append("<preamble>")
                preamble_open = True
            out.append(p(block.text))
            continue
        numbered = _NUMBERED.match(block.text)
        decimal = numbered is not None and re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){1,3}\.?", numbered["num"]) is not None
        if numbered and decimal:
            # "2.1" is a paragraph of Article 2 and "2.1.1" a point of it, counted from the first decimal number
            # under the heading; one under an open paragraph "1." is its point
            places = numbered["num"].rstrip(".").count(".")
            if decimal_base is None:
                decimal_base = places - (len(points) + 1 if paragraph_open else 0)
            depth = max(0, places - decimal_base)
            value = int(numbered["num"].rstrip(".").rpartition(".")[2])
            if depth == 0 or not paragraph_open:
                close_points()
                out.append(f"<paragraph><num>{escape(numbered['num'])}</num><content>{p(numbered['rest'])}</content>")
                paragraph_open = True
            else:
                keep = min(depth - 1, len(points))
                out.extend("</point>" for _ in points[keep:])
                del points[keep:]
                out.append(f"<point><num>{escape(numbered['num'])}</num><content>{p(numbered['rest'])}</content>")
                points.append(("decimal", value, "decimal"))
        elif numbered and paragraph_open and (numbered["num"][0] in "(abcdefghijklmnopqrstuvwxyz" or _restarts(points, numbered["num"])) \
                and (points or _opens(block.text)):
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
        out.append(f"</{open_units.pop().kind}>")
    if body_started:
        out.append("</body>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><akomaNtoso xmlns="{AKN_NS}"><act name="draft">'
            '<meta><identification source="#test"/></meta>' + "".join(out) + "</act></akomaNtoso>").encode("utf-8")
