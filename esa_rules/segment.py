"""Plain text -> a tree of Units (parts, chapters, sections, articles, paragraphs, subparagraphs).

Every character belongs to exactly one leaf or heading block (a hypothesis test holds us to that). One pass
over the lines, no backtracking: a 20 MB text with no line breaks or 100k short lines segments in a second.

Structure comes from headings (see ``numbering``); inside an article, ``segment_body`` finds numbered
paragraphs and nested subparagraphs, or, for unnumbered text, paragraphs separated by blank lines.
"""

from __future__ import annotations

import re

import attrs

from esa_rules.contents import contents_listed
from esa_rules.document import RANK, Unit
from esa_rules.numbering import (
    CROSS_REFERENCE_END,
    Heading,
    match_heading,
    next_line_title,
    roman_value,
    title_like,
    word_number,
)
from esa_rules.paragraphs import lines as split_lines
from esa_rules.paragraphs import segment_body, unique_eid

__all__ = ["division_readings", "segment", "segment_body", "sentences", "unique_eid"]

_HEADING_FIRST_CHARS = frozenset("ACEFNPST#*_\u00a7")  # \u00a7: "\u00a7 4 Title" numbers an article; T: "TITLE II"
_NON_SPACE = re.compile(r"\S")
# A line that goes on with a small letter or a verb continues the sentence of the line above it.
_CONTINUATION = re.compile(r"[ \t]*(?:[a-z]|(?i:is|are|shall|must|may|will|should|of|and|or|to|in|for|with|"
                           r"applies|apply)\b)")
def _continues(line: str) -> bool:
    """Whether a line carries on the sentence of the line above: "of the GATT ...", "shall apply ...", or
    in a text typeset in capitals "OF THE GATT". A capital opens a sentence of its own: "Article 2
    Definitions" over "In this Agreement:" is a heading."""
    return _CONTINUATION.match(line) is not None and (line.lstrip()[:1].islower() or line.isupper())


def _wraps(line: str, below: str, heading: Heading) -> bool:
    """Whether a heading's title on its own line goes on in the line below, which carries no sentence:
    "Part 4: Electronics, including integrated circuits and semiconductor" over "manufacturing equipment".
    "Chapter 22 (Dispute Settlement)" over "applies to this Chapter." is a sentence, and so is "Article XXI"
    (no title) over "of the GATT is incorporated"."""
    if heading.title_start is None or line.rstrip()[-1:] in _TERMINAL:
        return False
    joined = match_heading(f"{line.rstrip()} {below.strip()}")
    return joined is not None and joined.title_start is not None and joined.body_start is None


_TERMINAL = frozenset(".;:!?)]\"'\u201d\u2019")
_EID_PREFIX = {"part": "part", "chapter": "chp", "section": "sec", "article": "art", "annex": "anx"}


def _first_text(text: str, start: int, end: int) -> int:
    """Offset of the first non-whitespace character in [start, end), or ``end``."""
    match = _NON_SPACE.search(text, start, end)
    return match.start() if match else end


# --- chapters, articles and the rest ----------------------------------------------------------------


@attrs.define
class _Node:
    kind: str
    number: str | None
    start: int
    body_start: int
    heading: str | None = None
    heading_span: tuple[int, int] | None = None
    preamble: bool = False
    word: str = ""  # "Paragraph" for an article a memorandum numbers "Paragraph 4"
    children: list[_Node] = attrs.Factory(list)


def _headings(text: str) -> list[_Node]:
    """Structural headings in document order, each as a childless node."""
    found: list[_Node] = []
    lines = list(split_lines(text, 0, len(text)))
    previous_end = ""  # last character of the previous non-blank line
    blank_before = True
    after_heading = False
    index = 0
    while index < len(lines):
        line_start, line_end = lines[index]
        index += 1
        line = text[line_start:line_end]
        first = line.lstrip()[:1]
        if not first:
            blank_before = True
            continue
        heading: Heading | None = None
        if first in _HEADING_FIRST_CHARS and (blank_before or after_heading or previous_end in _TERMINAL):
            heading = match_heading(line)
        next_line = text[lines[index][0]:lines[index][1]] if heading is not None and index < len(lines) else ""
        wrapped = heading is not None and heading.body_start is None and _continues(next_line) \
            and not (heading.kind == "annex" and _ANNEXED_TO.match(next_line))
        if wrapped and not (heading is not None and _wraps(line, next_line, heading)):
            heading = None  # "Article XXI\nof the GATT is incorporated": a sentence broken after a reference
        after_heading = heading is not None
        blank_before = False
        previous_end = line.rstrip()[-1:]
        if heading is None:
            continue
        node = _Node(
            heading.kind,
            heading.number,
            line_start,
            line_start + heading.heading_end,
            heading_span=(line_start + len(line) - len(line.lstrip()), line_start + heading.heading_end),
            word=heading.word,
        )
        if heading.title_start is not None and heading.title_end is not None:
            node.heading = line[heading.title_start : heading.title_end]
        if wrapped and node.heading is not None:  # the title goes on below: "...semiconductor\n manufacturing equipment"
            node.heading = " ".join(f"{node.heading} {next_line.strip().strip('*_')}".split())
            node.body_start = lines[index][0] + len(next_line.rstrip())
            node.heading_span = (node.heading_span[0] if node.heading_span else line_start, node.body_start)
            previous_end = next_line.rstrip()[-1:]
            index += 1
        if heading.body_start is not None:
            node.body_start = line_start + heading.body_start
        elif heading.title_start is None:
            # The title may sit on the next line (after at most one blank line).
            look = index
            if look < len(lines) and not text[lines[look][0] : lines[look][1]].strip():
                look += 1
            if heading.kind == "annex" and look < len(lines) and _ENABLING.match(text, *lines[look]):
                look += 1  # "FIRST SCHEDULE\n(Section 2)": the provision that brings the schedule in, then its title
                node.body_start = lines[look - 1][1]
                node.heading_span = (line_start + len(line) - len(line.lstrip()), node.body_start)
                index = look
            if look < len(lines):
                candidate = text[lines[look][0] : lines[look][1]]
                below = match_heading(candidate)
                # "Article 5\nAnnex B Goods", "CHAPTER 9\nSCHEDULE 3 ITEMS": a title may name an annex; no annex
                # starts right under a heading that has no title yet
                if next_line_title(candidate) and (below is None or (below.kind == "annex" and (
                        heading.kind == "article" or (look == index and heading.kind != "annex")))):
                    node.heading = candidate.strip().strip("*_#").strip()
                    node.body_start = lines[look][0] + len(candidate.rstrip())
                    node.heading_span = (line_start + len(line) - len(line.lstrip()), node.body_start)
                    index = look + 1
        found.append(node)
    return found


# "Annex No. 4\nto the Agreement on ...": the line under an annex's number says what it is annexed to
_ANNEXED_TO = re.compile(r"[ \t]*to (?:the|this) (?:[A-Z]\w* )*(?:Agreement|Treaty|Protocol|Convention|Decision)\b")
# Under a schedule's heading, Commonwealth drafting cites the provision that brings it in: "(Section 2)",
# "[Sections 4 and 7]", "Section 2"
_ENABLING = re.compile(r"[ \t]*[(\[]?(?:Sections?|Articles?|Regulations?|Paragraphs?)[ \t]+[\w.]+(?:(?:,[ \t]*|[ \t]+and"
                       r"[ \t]+)[\w.]+)*[)\]]?[ \t]*$")
# "2. INCOMING ACQUISITIONS": a numbered caption alone on its line, as a decimal outline heads its provisions
# (in Markdown, a heading: "## 2. INCOMING ACQUISITIONS")
_OUTLINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?(\d{1,2})\.[ \t]+([A-Z][^\n]{0,80}?)[ \t]*$", re.MULTILINE)


_SUBSECTION = re.compile(r"[ \t]*(?:\(1\)[ \t]+)?[A-Z(\"\u201c]")  # the body on the very next line


def _reads_as_caption(caption: str) -> bool:
    """A numbered provision's caption: a short title, not a sentence or a clause of one."""
    return caption[-1:] not in ".;:," and len(caption.split()) <= 10 and (caption.isupper() or title_like(caption))


def _outline(text: str) -> list[_Node]:
    """The provisions of a text numbered as a decimal outline only ("1. TERMS", "1.1 In this Treaty", no
    word "Article"): captions numbered 1, 2, 3 ... in order, each after a blank line, at least three of them.
    Read as articles, so "2.1" is paragraph 1 of Article 2 and "see 2.1" can find it."""
    found: list[_Node] = []
    for m in _OUTLINE.finditer(text):
        caption = m.group(2).rstrip("*_ \t")
        after_blank = m.start() <= 1 or text[m.start() - 2:m.start()] == "\n\n"
        if caption.endswith(".") and _SUBSECTION.match(text, m.end() + 1):
            caption = caption[:-1]  # "2. Stakes taken by outsiders." over "(1) Each Side shall ...": a caption
            after_blank = after_blank and len(caption.split()) <= 8
        if int(m.group(1)) != len(found) + 1 or not _reads_as_caption(caption) or not after_blank:
            continue
        found.append(_Node("article", m.group(1), m.start(), m.end(), heading=caption,
                           heading_span=(m.start(1), m.end())))
    return found if len(found) >= 3 else _captioned(text)


# "Scheduled goods.\n3. (1) Neither Party ...": a Commonwealth section under its marginal note (in Markdown a
# heading, "### Scheduled goods.", a paragraph of its own one blank line above the section)
_CAPTIONED = re.compile(r"^[ \t]*(#{1,6}[ \t]+)?([A-Z][^\n]{1,80}?)[ \t]*\n([ \t]*\n)?[ \t]*(\d{1,3})\.(?:[ \t]+|\u2014|-(?=\())(?=\S)",
                        re.MULTILINE)  # "1.—(1) This Agreement ...": a United Kingdom section


def _captioned(text: str) -> list[_Node]:
    """Sections numbered 1, 2, 3 ... in order, each opening the line under its caption after a blank line
    ("Interpretation.\n2. (1) In this Agreement ..."), at least three of them: read as articles. A caption
    one blank line above its number is a paragraph that could head anything ("Investment" over a joint
    statement's "2. Each Participant ..."), unless Markdown marks it as a heading."""
    found: list[_Node] = []
    for m in _CAPTIONED.finditer(text):
        caption = m.group(2).rstrip("*_ \t").rstrip(".")
        after_blank = m.start() <= 1 or text[m.start() - 2:m.start()] == "\n\n"
        # once three sections are read so, a long note goes on the run ("Operation of Parts 2 and 3 not affected ...")
        caption_like = _reads_as_caption(" ".join(caption.split()[:10] if len(found) >= 3 else caption.split()))
        if m.group(4) == "1" and len(found) == 1:
            found = []  # the first "1." stood in a list of contents ("Articles\n1. Citation ...")
        if int(m.group(4)) != len(found) + 1 or (m.group(3) and not m.group(1)) or not caption_like or not after_blank:
            continue
        found.append(_Node("article", m.group(4), m.start(), m.end(), heading=caption,
                           heading_span=(m.start(), m.end())))
    return found if len(found) >= 3 else []


def _spans_divisions(outline: list[_Node], headings: list[_Node]) -> bool:
    """Whether captions stand in every Part or Chapter before any annex (true of a body without Parts)."""
    annex = next((h.start for h in headings if h.kind == "annex"), 1 << 62)
    starts = [h.start for h in headings if h.kind in ("chapter", "part") and h.start < annex]
    return all(any(s < n.start < e for n in outline) for s, e in zip(starts, [*starts[1:], annex][:len(starts)], strict=True))


def division_readings(number: str | None) -> set[tuple[str, int]]:
    """How a division's number counts: "4" arabic, "IV" roman, "B" a letter (and "C" perhaps roman too)."""
    if not number:
        return set()
    if number.isdigit():
        return {("arabic", int(number))}
    found = {("word", value)} if (value := word_number(number)) is not None else set()
    if len(number) == 1 and number.isalpha():
        found.add(("letter", ord(number.upper())))
    if (value := roman_value(number.upper())) is not None:
        found.add(("roman", value))
    return found


def _annex_part(stack: list[_Node], node: _Node) -> bool:
    """Whether a Part heading divides the annex open on ``stack`` ("FIRST SCHEDULE ... Part A ... Part B"),
    rather than going on with the Parts of the body ("PART IV ... ANNEX ... PART V")."""
    annexes = [i for i, n in enumerate(stack) if n.kind == "annex"]
    if not annexes:
        return False
    below = stack[annexes[0] - 1]
    body = below if below.kind == "part" else next((n for n in reversed(below.children) if n.kind == "part"), None)
    following = {(style, value - 1) for style, value in division_readings(node.number)}
    return body is None or not following & division_readings(body.number)


def _label(node: _Node, parent: Unit | None) -> tuple[str, str]:
    if node.kind == "document":
        return "", ""
    if node.preamble:
        return "Preamble", "preamble"
    name = node.word or node.kind.capitalize()
    label = f"{name} {node.number}" if node.number else name
    own = _EID_PREFIX[node.kind] + (f"_{node.number.replace(' ', '-')}" if node.number else "")
    if parent is not None and ((node.kind == "section" and parent.kind in ("chapter", "part", "article"))
                               or (node.kind == "part" and parent.kind == "annex")):
        label = f"{parent.label}, {label}"
    return label, own


def _finish(text: str, node: _Node, end: int, parent: Unit | None, seen: dict[str, int]) -> Unit:
    label, own = _label(node, parent)
    eid = unique_eid(
        f"{parent.eid}__{own}" if parent is not None and parent.kind != "document" else own, seen
    )
    shell = Unit(node.kind, label, eid, node.start, end, node.number, node.heading, node.heading_span)
    first = node.children[0].start if node.children else end
    children: list[Unit] = []
    if _first_text(text, node.body_start, first) < first:
        children.extend(segment_body(text, node.body_start, first, label=label, eid=eid, seen=seen))
    for i, child in enumerate(node.children):
        child_end = node.children[i + 1].start if i + 1 < len(node.children) else end
        children.append(_finish(text, child, child_end, shell, seen))
    return attrs.evolve(shell, children=tuple(children))


# "CONTENTS" or "TABLE OF CONTENTS" alone on its line, over a list of the draft's headings
def _without_contents(text: str, headings: list[_Node]) -> list[_Node]:
    """The headings, a table of contents that lists the headings below made one preamble node: front matter,
    all of it heading (it says nothing of its own), not headings that would each hold the next entry."""
    listed = contents_listed(text, headings)
    if listed is None:
        return headings
    count, start = listed
    end = headings[count - 1].body_start
    return [_Node("preamble", None, start, end, heading_span=(start, end)), *headings[count:]]


def _ranks(headings: list[_Node]) -> dict[str, int]:
    """``RANK``, but with Sections under Articles where articles of agreement number their Sections afresh in
    each Article ("ARTICLE IV" ... "Section 1." ... "ARTICLE V" ... "Section 1."), cited "Article IV, Section 3"."""
    firsts = [i for i, h in enumerate(headings) if h.kind == "section" and h.number == "1"]
    if len(firsts) >= 2 and all(i and headings[i - 1].kind == "article" for i in firsts):
        return {**RANK, "section": (RANK["article"] + RANK["paragraph"]) // 2}
    return RANK


def segment(text: str) -> Unit:
    """The unit tree of a whole text: the root (kind "document") covers ``[0, len(text))``."""
    headings = _headings(text)
    # sections under captions, inside Parts too ("PART 2 ... Diversion\n4. (1) Each Party ..."), read after any
    # list of contents has been set aside ("ARRANGEMENT OF PROVISIONS ... SCHEDULE 4 - Security")
    outline = [] if any(node.kind in ("article", "section") for node in headings) else _outline(text)
    headings = _without_contents(text, headings) if headings else outline
    if outline and headings is not outline and _spans_divisions(outline, headings):
        front = next((h.body_start for h in headings if h.kind == "preamble"), 0)
        headings = sorted(headings + [n for n in outline if n.start >= front], key=lambda node: node.start)
    elif headings is outline:
        headings = _without_contents(text, headings)
    # the preamble is a division of the body's highest kind: the Parts of a schedule are not the body's
    body = [h for h in headings[:next((i for i, h in enumerate(headings) if h.kind == "annex"), len(headings))]
            if h.kind != "preamble"] or [h for h in headings if h.kind != "preamble"]
    rank = _ranks(headings)
    top = max((rank[h.kind] for h in body), default=rank["chapter"])
    top_kind = next((h.kind for h in body if rank[h.kind] == top), "chapter")
    for node in headings:
        if node.kind == "preamble":
            node.kind, node.preamble = top_kind, True
    if headings and _first_text(text, 0, headings[0].start) < headings[0].start:
        # Text before the first heading ("The Parties, ... HAVE AGREED AS FOLLOWS:") is the preamble.
        headings.insert(0, _Node(top_kind, None, 0, 0, preamble=True))
    root = _Node("document", None, 0, 0)
    stack = [root]
    for node in headings:
        if node.kind == "annex" and any(n.kind == "annex" for n in stack):
            while stack[-1].kind != "annex":
                stack.pop()  # the Parts of the annex before it
        nested = node.kind == "part" and _annex_part(stack, node)
        while len(stack) > 1 and rank[stack[-1].kind] <= rank[node.kind] and not (nested and stack[-1].kind == "annex"):
            stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
    tree = _finish(text, root, len(text), None, {})
    return attrs.evolve(tree, label="Document", eid="doc")


# --- sentences --------------------------------------------------------------------------------------

_BOUNDARY = re.compile(
    r"[.;?!][\"'\u201d\u2019)\]]*\s+(?=[A-Z0-9(\[\"'\u201c\u2018]|[-\u2022*][ \t]+[A-Z])"  # "...uses. - They plan"
    r"|:\s+(?=\(?(?:[a-zA-Z]{1,2}|[ivxIVX]{1,6}|\d{1,3})[.)]\s)"  # a chapeau colon before "(a)" or "1."
    r"|\n[ \t]*\n\s*"  # a blank line
    r"|\n(?=[ \t]*\((?:[a-zA-Z]{1,2}|[ivxIVX]{1,6}|\d{1,3})\)\s)"  # a line opening with "(a)"
    # or with "a)" or "a. maintain", the points the segmenter reads (``numbering``): each is a sentence of
    # its own however the draft is laid out, in one block of lines or with a blank line between points
    r"|(?P<letter>\n)(?=[ \t]*(?:(?:[a-z]|[ivx]{1,6})\)|[a-z]\.(?=[ \t]+[a-zA-Z\"\u201c]))[ \t])"
    r"|\n(?=[ \t]*\|)"  # a table row: each row of a schedule is a provision of its own
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:art|arts|no|nos|para|paras|subpara|e\.g|i\.e|cf|viz|vol|p|pp|ch|sec|mr|mrs|ms|dr|st|inc|ltd|co"
    r"|corp|jr|sr|rev|approx|fig|op|ibid|et al|ed)|\b(?:[A-Za-z]\.)*[A-Za-z])\.$",
    re.IGNORECASE,
)
_MARKER_TOKEN = re.compile(r"\d{1,3}|[a-zA-Z]|[ivxIVX]{1,6}")


def _is_line_marker(text: str, start: int, dot: int) -> bool:
    """Whether the "." at ``dot`` closes a paragraph number at the start of its line ("1. The")."""
    token = dot
    while token > start and dot - token < 7 and text[token - 1].isalnum():
        token -= 1
    if not _MARKER_TOKEN.fullmatch(text, token, dot):
        return False
    while token > start and text[token - 1] in " \t":
        token -= 1
    return token == start or text[token - 1] == "\n"


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.start() + 1 if text[match.start()] in ".;?!:" else match.start()
        if text[match.start()] == ".":
            window = text[max(start, match.start() - 24) : match.start() + 1]
            if _ABBREVIATION.search(window) or _is_line_marker(text, start, match.start()):
                continue  # "Art. 5", "U.S. law", "e.g. ", or a "1." paragraph number
        elif match.lastgroup == "letter" and CROSS_REFERENCE_END.search(text, max(start, match.start() - 48),
                                                                       match.start()):
            continue  # "... referred to in point\na. of Annex 2": a sentence wrapped before a cited point
        while cut < match.end() and text[cut] in "\"'\u201d\u2019)]":
            cut += 1
        _add_span(text, cursor, cut, spans)
        cursor = match.end()
    _add_span(text, cursor, end, spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
